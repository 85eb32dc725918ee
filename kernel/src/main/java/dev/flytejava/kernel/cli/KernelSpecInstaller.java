package dev.flytejava.kernel.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.GsonBuilder;

/**
 * Writes a kernelspec directory: {@code kernel.json} whose argv runs this JVM's {@code java} on a
 * copy of the shaded jar placed beside it. Interrupts use {@code interrupt_mode: message} (the
 * control channel); the kernel handles SIGINT as well.
 */
public final class KernelSpecInstaller {

    public static final String DEFAULT_NAME = "flyte-java";
    public static final String DISPLAY_NAME = "Java (Flyte)";
    static final String JAR_NAME = "flyte-java.jar";

    /**
     * JVM options of the kernel process. The security manager must be allowed for the exit guard
     * (Java 17 warns otherwise); the rest are measured startup wins (see the kernel's README notes).
     */
    static final List<String> JVM_OPTIONS = List.of(
            "-Djava.security.manager=allow",
            "-Xshare:auto",
            "-XX:+UseSerialGC",
            "-XX:-UsePerfData");

    private final Path jar;
    private final List<String> extraJvmOptions;

    public KernelSpecInstaller(Path jar, List<String> extraJvmOptions) {
        this.jar = jar;
        this.extraJvmOptions = List.copyOf(extraJvmOptions);
    }

    /** Installs into {@code kernelsDir/name}; returns that directory. */
    public Path install(Path kernelsDir, String name) throws IOException {
        if (name == null || !name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("Kernelspec name [" + name + "] may only use letters, digits, '.', '_' and '-'");
        }
        Path dir = kernelsDir.resolve(name);
        Files.createDirectories(dir);
        Path installedJar = dir.resolve(JAR_NAME);
        if (!Files.isSameFile(jar.getParent(), dir) || !jar.getFileName().toString().equals(JAR_NAME)) {
            Files.copy(jar, installedJar, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(dir.resolve("kernel.json"), kernelJson(installedJar), StandardCharsets.UTF_8);
        return dir;
    }

    String kernelJson(Path installedJar) {
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.addAll(JVM_OPTIONS);
        argv.addAll(extraJvmOptions);
        argv.addAll(List.of("-jar", installedJar.toAbsolutePath().toString(), "kernel", "run", "--connection-file", "{connection_file}"));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", argv);
        spec.put("display_name", DISPLAY_NAME);
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        spec.put("env", Map.of());
        spec.put("metadata", Map.of("debugger", false, "flyte-java", Map.of("version", "0.1.0")));
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n";
    }

    /** The jar this code runs from; installing needs the shaded jar, not a class folder. */
    public static Path runningJar() {
        try {
            Path p = Path.of(KernelSpecInstaller.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(p)) {
                throw new IllegalStateException("flyte-java runs from [" + p + "], not from its jar; build kernel/target/flyte-java.jar and run that");
            }
            return p;
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the flyte-java jar", e);
        }
    }

    static Path kernelsUnderPrefix(Path prefix) {
        return prefix.resolve("share").resolve("jupyter").resolve("kernels");
    }

    /** Jupyter's user data directory: {@code $JUPYTER_DATA_DIR}, else {@code $XDG_DATA_HOME/jupyter} or {@code ~/.local/share/jupyter}. */
    static Path userKernelsDir() {
        String data = System.getenv("JUPYTER_DATA_DIR");
        if (data != null && !data.isBlank()) return Path.of(data).resolve("kernels");
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("jupyter").resolve("kernels");
    }

    static Path pythonSysPrefix() throws IOException, InterruptedException {
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        Process p = new ProcessBuilder(python, "-c", "import sys; print(sys.prefix)").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0 || out.isEmpty()) throw new IllegalStateException("Could not ask [" + python + "] for sys.prefix: " + out);
        return Path.of(out);
    }
}
