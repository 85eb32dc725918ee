package dev.flytejava.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the kernel ITs: installs the kernelspec from the just-built shaded jar with the real
 * {@code flyte-java kernel install --prefix} into a temporary prefix, and drives the kernel with
 * the real Jupyter client ({@code /usr/bin/python3} + {@code jupyter_client}) through the scenario
 * scripts in {@code src/test/python}, which answer in JSON. The kernel runs on the JDK named by the
 * system property {@code flyte.java.kernel.java} (a JDK home or its {@code bin/java}; the build's own
 * JVM when unset), chosen with {@code kernel install --java}: the jar is built once, for Java 17.
 */
public abstract class KernelCase {

    protected static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    protected static final Path JAR = MODULE.resolve("target/flyte-java.jar");
    protected static final Path PYTHON_DIR = MODULE.resolve("src/test/python");
    protected static final String PYTHON = "/usr/bin/python3";
    /** The home of the JDK the kernel under test runs on. */
    protected static final Path KERNEL_JDK = kernelJdk();

    @TempDir
    protected static Path prefix;

    protected static Path jupyterPath;

    @BeforeAll
    static void installKernelspec() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "the shaded jar must be built first (mvn verify runs ITs after package): " + JAR);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Result install = run(List.of(java.toString(), "-jar", JAR.toString(), "kernel", "install", "--prefix", prefix.toString(),
                "--java", KERNEL_JDK.toString(),
                // the kernels' own temporary files go where the suite's do, so bin/test sees what they leave
                "--jvm-option", "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir")), null, Map.of(), 180);
        assertEquals(0, install.exit(), "kernel install failed: " + install.stderr() + install.stdout());
        jupyterPath = prefix.resolve("share/jupyter");
        assertTrue(Files.isRegularFile(jupyterPath.resolve("kernels/flyte-java/kernel.json")));
    }

    private static Path kernelJdk() {
        String chosen = System.getProperty("flyte.java.kernel.java", "");
        Path path = chosen.isBlank() ? Path.of(System.getProperty("java.home")) : Path.of(chosen);
        try {
            Path real = path.toRealPath();
            return Files.isDirectory(real) ? real : real.getParent().getParent();
        } catch (IOException e) {
            throw new UncheckedIOException("flyte.java.kernel.java [" + chosen + "] is not a JDK", e);
        }
    }

    /** A property of the kernel JDK's {@code release} file, e.g. {@code JAVA_RUNTIME_VERSION}. */
    protected static String kernelJdkRelease(String name) {
        return jdkRelease(KERNEL_JDK, name);
    }

    /** A property of the {@code release} file of the JDK at {@code home}. */
    protected static String jdkRelease(Path home, String name) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith(name + "=")) return line.substring(name.length() + 1).replace("\"", "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no " + name + " in " + home.resolve("release"));
    }

    /** The kernel JDK's feature release: 17, 21, 25. */
    protected static int kernelJdkFeature() {
        return Integer.parseInt(kernelJdkRelease("JAVA_VERSION").replaceAll("^(\\d+).*", "$1"));
    }

    /**
     * The kernel's log (its stderr, which the Jupyter client passes through) has no Security Manager
     * warning: Java 17 prints one when a security manager is installed, Java 18 to 23 deprecate it, 24 removed it.
     */
    protected static void assertNoSecurityManagerWarning(String kernelLog) {
        assertFalse(kernelLog.toLowerCase(java.util.Locale.ROOT).matches("(?s).*security\\s*manager.*"),
                "the kernel's log mentions the Security Manager:\n" + kernelLog);
    }

    /** A process's exit code and output. */
    public record Result(int exit, String stdout, String stderr) {
    }

    /** Runs {@code kernel_driver.py SCENARIO} with {@code input} (JSON) on stdin; returns its JSON answer. */
    protected static JsonObject scenario(String scenario, Object input) {
        return logged(scenario, input, Map.of()).answer();
    }

    /** A scenario's JSON answer and the kernel's log (its stderr) while it ran. */
    protected record Logged(JsonObject answer, String log) {
    }

    /** Runs a scenario with {@code env} added to the kernel's environment; keeps the kernel's log too. */
    protected static Logged logged(String scenario, Object input, Map<String, String> env) {
        Result r = driver(scenario, new Gson().toJson(input), env, 180);
        String out = r.stdout().strip();
        return new Logged(new Gson().fromJson(out.substring(out.lastIndexOf('\n') + 1), JsonObject.class), r.stderr());
    }

    /**
     * Runs {@code kernel_driver.py SCENARIO} with {@code inputJson} on stdin, the kernelspec and {@code env}
     * visible; returns its answer, the last line it printed.
     */
    protected static String driverAnswer(String scenario, String inputJson, Map<String, String> env, int timeoutSeconds) {
        String out = driver(scenario, inputJson, env, timeoutSeconds).stdout().strip();
        return out.substring(out.lastIndexOf('\n') + 1);
    }

    private static Result driver(String scenario, String inputJson, Map<String, String> env, int timeoutSeconds) {
        Map<String, String> environment = new HashMap<>(env);
        environment.put("JUPYTER_PATH", jupyterPath.toString());
        Result r = run(List.of(PYTHON, PYTHON_DIR.resolve("kernel_driver.py").toString(), scenario), inputJson,
                environment, timeoutSeconds);
        assertEquals(0, r.exit(), "scenario [" + scenario + "] failed:\n" + r.stderr());
        return r;
    }

    /** Runs {@code /usr/bin/python3 args...} in the Python test folder with the kernelspec visible. */
    protected static Result python(List<String> args, String stdin, int timeoutSeconds) {
        return python(Path.of(PYTHON), args, stdin, timeoutSeconds);
    }

    /** Runs {@code interpreter args...} in the Python test folder with the kernelspec visible. */
    protected static Result python(Path interpreter, List<String> args, String stdin, int timeoutSeconds) {
        List<String> command = new ArrayList<>();
        command.add(interpreter.toString());
        command.addAll(args);
        return run(command, stdin, Map.of("JUPYTER_PATH", jupyterPath.toString()), timeoutSeconds);
    }

    protected static Result run(List<String> command, String stdin, Map<String, String> env, int timeoutSeconds) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(PYTHON_DIR.toFile());
            pb.environment().putAll(env);
            pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
            // the process's output, and its TMPDIR: what Python (flytekit's sandbox folders) leaves there goes with it
            Path scratch = Files.createTempDirectory("kernel-it");
            pb.environment().put("TMPDIR", scratch.toString());
            Path out = scratch.resolve("stdout");
            Path err = scratch.resolve("stderr");
            try {
                pb.redirectOutput(out.toFile()).redirectError(err.toFile());
                Process p = pb.start();
                try (var in = p.getOutputStream()) {
                    if (stdin != null) in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    throw new AssertionError("timed out after " + timeoutSeconds + " s: " + command + "\n" + Files.readString(err));
                }
                return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                PathUtils.deleteDirectory(scratch);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** One cell for the {@code cells} scenario. */
    protected static Map<String, Object> cell(String code) {
        return Map.of("code", code);
    }
}
