package dev.flytejava.kernel.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.flytejava.runtime.entrypoint.Entrypoint;
import dev.flytejava.runtime.entrypoint.EntrypointArgs;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flyte-java entrypoint ...}: what a compiled Java task's container runs. {@link FlyteJavaCli#main} parses
 * this command's options itself (every container start pays for it; picocli's model costs more than the rest of the
 * start-up), and comes here only for {@code --help} and malformed command lines.
 */
@Command(name = "entrypoint", mixinStandardHelpOptions = true,
        description = {"Runs one attempt of a task in its container: downloads the shipped code and inputs.pb, runs the task,",
                "and writes outputs.pb or error.pb under the output prefix (exit 0 for both; 1 when neither can be written)."})
public final class EntrypointCommand implements Callable<Integer> {

    /** The options, in the order the compiler writes them. */
    static final List<String> OPTIONS = List.of("--task", "--code", "--inputs", "--output-prefix", "--raw-output-data-prefix",
            "--checkpoint-path", "--prev-checkpoint");

    @Option(names = "--task", required = true, description = "the task's name in the shipped code")
    String task;

    @Option(names = "--code", required = true, description = "the shipped code (fast<digest>.tar.gz): a storage URI or path")
    String code;

    @Option(names = "--inputs", required = true, description = "inputs.pb (a core.LiteralMap)")
    String inputs;

    @Option(names = "--output-prefix", required = true, description = "where outputs.pb or error.pb go")
    String outputPrefix;

    @Option(names = "--raw-output-data-prefix", description = "where files and directories of the outputs go")
    String rawOutputDataPrefix;

    @Option(names = "--checkpoint-path", description = "where the attempt may write checkpoints (unused yet)")
    String checkpointPath;

    @Option(names = "--prev-checkpoint", description = "the previous attempt's checkpoints (unused yet)")
    String prevCheckpoint;

    @Override
    public Integer call() {
        return Entrypoint.main(new EntrypointArgs(task, code, inputs, outputPrefix, rawOutputDataPrefix, checkpointPath,
                prevCheckpoint), System.err);
    }

    /**
     * The fast path: {@code entrypoint --opt value ...} with known options, each given once and a value that is not an
     * option, the required ones present. Anything else (help, typos) returns null and goes through picocli.
     */
    static EntrypointArgs parse(String[] args) {
        if (args.length < 1 || !args[0].equals("entrypoint") || args.length % 2 != 1) return null;
        Map<String, String> values = new HashMap<>();
        for (int i = 1; i < args.length; i += 2) {
            if (!OPTIONS.contains(args[i]) || args[i + 1].startsWith("--") || values.put(args[i], args[i + 1]) != null) return null;
        }
        if (!values.keySet().containsAll(OPTIONS.subList(0, 4))) return null;
        return new EntrypointArgs(values.get("--task"), values.get("--code"), values.get("--inputs"), values.get("--output-prefix"),
                values.get("--raw-output-data-prefix"), values.get("--checkpoint-path"), values.get("--prev-checkpoint"));
    }
}
