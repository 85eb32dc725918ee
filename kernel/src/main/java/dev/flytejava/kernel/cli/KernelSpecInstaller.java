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

import dev.flytejava.kernel.KernelInfo;

import com.google.gson.GsonBuilder;

/**
 * Writes a kernelspec directory: {@code kernel.json} whose argv runs the chosen JDK's {@code java} on a
 * copy of the shaded jar placed beside it. Interrupts use {@code interrupt_mode: message} (the
 * control channel); the kernel handles SIGINT as well.
 */
public final class KernelSpecInstaller {

    public static final String DEFAULT_NAME = "flyte-java";
    public static final String DISPLAY_NAME = "Java (Flyte)";
    static final String JAR_NAME = "flyte-java.jar";

    static final String CDS_ARCHIVE = "flyte-java.jsa";
    /** On JDK 25 and later: an ahead-of-time cache (JEP 483/514), which also keeps classes linked; it replaces the CDS archive. */
    static final String AOT_CACHE = "flyte-java.aot";
    static final int FIRST_AOT_CACHE_JDK = 25;

    /**
     * JVM options of the kernel process, measured on the kernel's own start-to-kernel_info and trivial-cell latency:
     * the serial collector and no perf data file cut start-up; C1 only ({@code TieredStopAtLevel=1})
     * roughly halves a cell's JShell compile time on a busy 2-core machine, because C2 compiler
     * threads no longer compete with javac. Compute-heavy notebooks can restore C2 with
     * {@code --jvm-option -XX:TieredStopAtLevel=4} (a later option wins). A 64 MB initial heap (instead of 1/64 of
     * the machine's memory) keeps the young generation small until a notebook needs more: the heap still grows to
     * the usual maximum, and an idle kernel holds about 160 MB instead of 235 MB on a 23 GB machine.
     */
    static final List<String> JVM_OPTIONS = List.of(
            "-Xshare:auto",
            "-XX:+UseSerialGC",
            "-XX:-UsePerfData",
            "-XX:TieredStopAtLevel=1",
            "-Xms64m");

    private final Path jar;
    private final KernelJdk jdk;
    private final String displayName;
    private final List<String> extraJvmOptions;
    private final boolean classDataSharing;

    KernelSpecInstaller(Path jar, KernelJdk jdk, String displayName, List<String> extraJvmOptions, boolean classDataSharing) {
        this.jar = jar;
        this.jdk = jdk;
        this.displayName = displayName;
        this.extraJvmOptions = List.copyOf(extraJvmOptions);
        this.classDataSharing = classDataSharing;
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
        Files.deleteIfExists(dir.resolve(CDS_ARCHIVE));
        Files.deleteIfExists(dir.resolve(AOT_CACHE));
        Path archive = dir.resolve(aotCache() ? AOT_CACHE : CDS_ARCHIVE);
        boolean shared = classDataSharing && trainArchive(installedJar, archive);
        Files.writeString(dir.resolve("kernel.json"), kernelJson(installedJar, shared ? archive : null), StandardCharsets.UTF_8);
        return dir;
    }

    private List<String> javaAndOptions() {
        List<String> command = new ArrayList<>();
        command.add(jdk.java().toString());
        // JDK 25 refuses -Xshare options beside -XX:AOTCacheOutput; the AOT cache implies sharing
        JVM_OPTIONS.stream().filter(o -> !(aotCache() && o.startsWith("-Xshare"))).forEach(command::add);
        command.addAll(extraJvmOptions);
        return command;
    }

    /**
     * Records the classes a kernel session loads into a class data sharing archive (a scripted
     * session, {@code kernel train}, run with {@code -XX:ArchiveClassesAtExit}); the kernel then
     * maps them instead of loading and verifying them, and starts faster. The archive belongs to
     * the kernelspec's JDK (it records it, so the training runs on that JDK) and this jar copy; if
     * the JDK changes, Java ignores it and starts as without. On JDK 25 and later the same session
     * records an ahead-of-time cache instead ({@code -XX:AOTCacheOutput}): classes come loaded and
     * linked, which starts a kernel or a {@code flyte-java} process about a quarter faster than the archive.
     */
    private boolean trainArchive(Path installedJar, Path archive) {
        List<String> command = javaAndOptions();
        command.add((aotCache() ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + archive.toAbsolutePath());
        command.addAll(List.of("-jar", installedJar.toAbsolutePath().toString(), "kernel", "train"));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                System.err.println("Class data sharing archive skipped: the training session timed out");
                return false;
            }
            if (p.exitValue() != 0 || !Files.isRegularFile(archive)) {
                System.err.println("Class data sharing archive skipped: the training session exited with " + p.exitValue());
                return false;
            }
            return true;
        } catch (IOException e) {
            System.err.println("Class data sharing archive skipped: " + e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean aotCache() {
        return jdk.feature() >= FIRST_AOT_CACHE_JDK;
    }

    String kernelJson(Path installedJar, Path archive) {
        List<String> argv = javaAndOptions();
        if (archive != null) argv.add((aotCache() ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive.toAbsolutePath());
        argv.addAll(List.of("-jar", installedJar.toAbsolutePath().toString(), "kernel", "run", "--connection-file", "{connection_file}"));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", argv);
        spec.put("display_name", displayName);
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        spec.put("env", Map.of());
        spec.put("metadata", Map.of("debugger", false,
                "flyte-java", Map.of("version", KernelInfo.VERSION, "java_home", jdk.home().toString(), "java_version", jdk.version())));
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
