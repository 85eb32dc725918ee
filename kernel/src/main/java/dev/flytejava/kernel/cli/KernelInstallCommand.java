package dev.flytejava.kernel.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flyte-java kernel install [--user|--sys-prefix|--prefix P] [--name N] [--display-name D] [--java PATH]}. */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = {"Install the Jupyter kernelspec \"Java (Flyte)\".",
                "The shaded jar is copied into the kernelspec directory, so the installed kernel keeps working after rebuilds."})
final class KernelInstallCommand implements Callable<Integer> {

    static final class Where {
        @Option(names = "--user", description = "Install for the current user (default): $JUPYTER_DATA_DIR or ~/.local/share/jupyter.")
        boolean user;

        @Option(names = "--sys-prefix", description = "Install into the Python environment's prefix (sys.prefix of /usr/bin/python3).")
        boolean sysPrefix;

        @Option(names = "--prefix", paramLabel = "P", description = "Install into P/share/jupyter/kernels.")
        Path prefix;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true)
    Where where = new Where();

    @Option(names = "--name", defaultValue = KernelSpecInstaller.DEFAULT_NAME, description = "Kernelspec name (default: ${DEFAULT-VALUE}).")
    String name;

    @Option(names = "--display-name", defaultValue = KernelSpecInstaller.DISPLAY_NAME,
            description = "Name shown in Jupyter's kernel list (default: ${DEFAULT-VALUE}).")
    String displayName;

    @Option(names = "--java", paramLabel = "PATH",
            description = "JDK the kernel runs on: its home or its bin/java, Java 17 or later (default: $JAVA_HOME, else the JVM running this command).")
    Path java;

    @Option(names = "--jvm-option", paramLabel = "OPT", description = "Extra JVM option for the kernel (repeatable), e.g. -Xmx4g.")
    List<String> jvmOptions = List.of();

    @Option(names = "--no-cds", description = "Do not build the class data sharing archive that makes the kernel start faster.")
    boolean noCds;

    @Override
    public Integer call() throws Exception {
        Path kernelsDir;
        if (where != null && where.prefix != null) kernelsDir = KernelSpecInstaller.kernelsUnderPrefix(where.prefix);
        else if (where != null && where.sysPrefix) kernelsDir = KernelSpecInstaller.kernelsUnderPrefix(KernelSpecInstaller.pythonSysPrefix());
        else kernelsDir = KernelSpecInstaller.userKernelsDir();
        KernelJdk jdk;
        Path dir;
        try {
            jdk = KernelJdk.choose(java, System.getenv());
            dir = new KernelSpecInstaller(KernelSpecInstaller.runningJar(), jdk, displayName, jvmOptions, !noCds).install(kernelsDir, name);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        System.out.println("Installed kernelspec [" + name + "] in " + dir + " (Java " + jdk.version() + " at " + jdk.home() + ")");
        return 0;
    }
}
