package dev.flytejava.kernel.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.flytejava.kernel.FlyteJavaKernel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flyte-java kernel run --connection-file F}: what the kernelspec's argv starts. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the kernel (Jupyter starts this).")
final class KernelRunCommand implements Callable<Integer> {

    @Option(names = {"-f", "--connection-file"}, required = true, description = "The connection file Jupyter wrote.")
    Path connectionFile;

    @Override
    public Integer call() throws Exception {
        return runKernel(connectionFile);
    }

    static int runKernel(Path connectionFile) {
        if (!Files.isReadable(connectionFile)) {
            System.err.println("No readable connection file at [" + connectionFile + "]");
            return 2;
        }
        try {
            FlyteJavaKernel.run(connectionFile);
            return 0;
        } catch (Exception e) {
            System.err.println("The kernel failed on [" + connectionFile + "]: " + e);
            return 1;
        }
    }
}
