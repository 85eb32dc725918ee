package dev.flytejava.kernel.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import dev.flytejava.kernel.KernelInfo;
import dev.flytejava.runtime.entrypoint.Entrypoint;
import dev.flytejava.runtime.entrypoint.EntrypointArgs;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code flyte-java}: the entry point of the shaded jar. */
@Command(name = "flyte-java", mixinStandardHelpOptions = true, version = "flyte-java " + KernelInfo.VERSION,
        description = "Java (JShell) Jupyter kernel with Flyte magics, and its tools.",
        subcommands = {KernelCommand.class, PackageCommand.class, RunCommand.class, RegisterCommand.class, ExportCommand.class, DaemonCommand.class, EntrypointCommand.class, EntrypointTrainCommand.class,
                CommandLine.HelpCommand.class})
public final class FlyteJavaCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Kernel logs must not go through System.err once the kernel routes it into cells.
        System.setProperty("org.slf4j.simpleLogger.cacheOutputStream", "true");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("flyte-java.log", "warn"));
        if (isKernelSpecLaunch(args)) {
            // The argv a kernelspec runs skips picocli: building its command model costs 150-250 ms,
            // a third of the kernel's start-to-kernel_info time.
            System.exit(KernelRunCommand.runKernel(Path.of(args[3])));
        }
        EntrypointArgs entrypoint = EntrypointCommand.parse(args);
        if (entrypoint != null) {
            System.exit(Entrypoint.main(entrypoint, System.err)); // a container start: no picocli model either
        }
        Optional<DaemonSocket> daemon = args.length > 0 && args[0].equals("register") ? DaemonSocket.of(System.getenv())
                : Optional.empty();
        boolean noDaemon = false;
        if (daemon.isPresent()) {
            DaemonClient.Outcome served = DaemonClient.serve(daemon.get(), List.of(args), System.getenv(), System.out, System.err);
            if (served.status().isPresent()) System.exit(served.status().getAsInt());
            noDaemon = served.refusal() == DaemonClient.Refusal.NO_DAEMON;
        }
        int status;
        Supplier<Callable<Integer>> leaf = args.length > 0 ? NOTEBOOK_COMMANDS.get(args[0]) : null;
        if (leaf != null) {
            String[] rest = Arrays.copyOfRange(args, 1, args.length);
            Optional<Callable<Integer>> plain = PlainArguments.bind(leaf.get(), rest);
            status = plain.isPresent() ? callPlain(plain.get()) : leafCommandLine(args[0], leaf.get()).execute(rest);
        } else {
            status = commandLine().execute(args);
        }
        if (noDaemon && status == 0) DaemonClient.startInBackground(daemon.get(), List.of(args)); // for the next registration
        System.exit(status);
    }

    /**
     * The notebook commands, which run on a model of their own command only: the whole tree's model costs about
     * 200 ms, which is most of a {@code register} whose cells are unchanged.
     */
    private static final Map<String, Supplier<Callable<Integer>>> NOTEBOOK_COMMANDS = Map.of("register", RegisterCommand::new,
            "package", PackageCommand::new, "run", RunCommand::new, "export", ExportCommand::new);

    /** Runs a command bound by {@link PlainArguments}; a failure ends it as picocli would end it. */
    private static int callPlain(Callable<Integer> command) {
        try {
            return command.call();
        } catch (Exception e) {
            e.printStackTrace();
            return 1;
        }
    }

    /** One subcommand's command line, named as under {@code flyte-java} in its usage and errors. */
    static CommandLine leafCommandLine(String name, Object command) {
        return new CommandLine(command).setCommandName("flyte-java " + name);
    }

    /** Exactly {@code kernel run --connection-file F}, as written into kernel.json. */
    static boolean isKernelSpecLaunch(String[] args) {
        return args.length == 4 && args[0].equals("kernel") && args[1].equals("run")
                && (args[2].equals("--connection-file") || args[2].equals("-f"));
    }

    /** The command tree; later commands register here as subcommands. */
    public static CommandLine commandLine() {
        return new CommandLine(new FlyteJavaCli());
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
