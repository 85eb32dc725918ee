package dev.flytejava.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the kernel ITs: installs the kernelspec from the just-built shaded jar with the real
 * {@code flyte-java kernel install --prefix} into a temporary prefix, and drives the kernel with
 * the real Jupyter client ({@code /usr/bin/python3} + {@code jupyter_client}) through the scenario
 * scripts in {@code src/test/python}, which answer in JSON.
 */
public abstract class KernelCase {

    protected static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    protected static final Path JAR = MODULE.resolve("target/flyte-java.jar");
    protected static final Path PYTHON_DIR = MODULE.resolve("src/test/python");
    protected static final String PYTHON = "/usr/bin/python3";

    @TempDir
    static Path prefix;

    protected static Path jupyterPath;

    @BeforeAll
    static void installKernelspec() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "the shaded jar must be built first (mvn verify runs ITs after package): " + JAR);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Result install = run(List.of(java.toString(), "-jar", JAR.toString(), "kernel", "install", "--prefix", prefix.toString()),
                null, Map.of(), 120);
        assertEquals(0, install.exit(), "kernel install failed: " + install.stderr() + install.stdout());
        jupyterPath = prefix.resolve("share/jupyter");
        assertTrue(Files.isRegularFile(jupyterPath.resolve("kernels/flyte-java/kernel.json")));
    }

    /** A process's exit code and output. */
    public record Result(int exit, String stdout, String stderr) {
    }

    /** Runs {@code kernel_driver.py SCENARIO} with {@code input} (JSON) on stdin; returns its JSON answer. */
    protected static JsonObject scenario(String scenario, Object input) {
        return new Gson().fromJson(driverAnswer(scenario, new Gson().toJson(input), Map.of(), 180), JsonObject.class);
    }

    /**
     * Runs {@code kernel_driver.py SCENARIO} with {@code inputJson} on stdin, the kernelspec and {@code env}
     * visible; returns its answer, the last line it printed.
     */
    protected static String driverAnswer(String scenario, String inputJson, Map<String, String> env, int timeoutSeconds) {
        Map<String, String> environment = new HashMap<>(env);
        environment.put("JUPYTER_PATH", jupyterPath.toString());
        Result r = run(List.of(PYTHON, PYTHON_DIR.resolve("kernel_driver.py").toString(), scenario), inputJson,
                environment, timeoutSeconds);
        assertEquals(0, r.exit(), "scenario [" + scenario + "] failed:\n" + r.stderr());
        String out = r.stdout().strip();
        return out.substring(out.lastIndexOf('\n') + 1);
    }

    /** Runs {@code /usr/bin/python3 args...} in the Python test folder with the kernelspec visible. */
    protected static Result python(List<String> args, String stdin, int timeoutSeconds) {
        List<String> command = new ArrayList<>();
        command.add(PYTHON);
        command.addAll(args);
        return run(command, stdin, Map.of("JUPYTER_PATH", jupyterPath.toString()), timeoutSeconds);
    }

    protected static Result run(List<String> command, String stdin, Map<String, String> env, int timeoutSeconds) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(PYTHON_DIR.toFile());
            pb.environment().putAll(env);
            pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
            Path out = Files.createTempFile("kernel-it", ".out");
            Path err = Files.createTempFile("kernel-it", ".err");
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
            Result result = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
            return result;
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
