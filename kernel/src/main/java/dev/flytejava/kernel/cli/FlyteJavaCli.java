package dev.flytejava.kernel.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code flyte-java}: the entry point of the shaded jar. */
@Command(name = "flyte-java", mixinStandardHelpOptions = true, version = "flyte-java 0.1.0",
        description = "Java (JShell) Jupyter kernel with Flyte magics, and its tools.",
        subcommands = {KernelCommand.class, CommandLine.HelpCommand.class})
public final class FlyteJavaCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Kernel logs must not go through System.err once the kernel routes it into cells.
        System.setProperty("org.slf4j.simpleLogger.cacheOutputStream", "true");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", System.getProperty("flyte-java.log", "warn"));
        System.exit(commandLine().execute(args));
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
