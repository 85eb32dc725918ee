package dev.flytejava.kernel.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code flyte-java kernel ...}: install the kernelspec or run the kernel. */
@Command(name = "kernel", mixinStandardHelpOptions = true,
        description = "Install the Jupyter kernelspec, or run the kernel on a connection file.",
        subcommands = {KernelInstallCommand.class, KernelRunCommand.class, KernelTrainCommand.class})
public final class KernelCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
