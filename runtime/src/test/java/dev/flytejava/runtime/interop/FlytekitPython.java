package dev.flytejava.runtime.interop;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The Python of the project's venv, with flytekit 1.16.31 (bin/python-env), for tests that use flytekit as the peer.
 * bin/test passes it as the system property {@value #PROPERTY}. Without it a test fails under CI=true and is skipped,
 * saying why, elsewhere.
 */
public final class FlytekitPython {

    public static final String PROPERTY = "flyte.python";

    private final Path python;

    private FlytekitPython(Path python) {
        this.python = python;
    }

    /** What a script printed (stdout and stderr together) and how it exited. */
    public record Result(int exitCode, String output) {}

    public static FlytekitPython locate() {
        String value = System.getProperty(PROPERTY, "").strip();
        if (value.isEmpty()) {
            String why = "no Python with flytekit: the system property [" + PROPERTY + "] is not set (bin/test sets it;"
                    + " by hand: -D" + PROPERTY + "=\"$(bin/python-env)\")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why);
            }
            System.err.println("SKIPPED flytekit interop: " + why);
            Assumptions.abort(why);
        }
        Path python = Path.of(value);
        if (!Files.isExecutable(python)) {
            fail("[" + PROPERTY + "] is [" + value + "], which is not an executable file; run bin/python-env");
        }
        return new FlytekitPython(python);
    }

    /** A script in the test resources, as a file. */
    public static Path script(String resource) {
        URL url = FlytekitPython.class.getResource(resource);
        if (url == null || !"file".equals(url.getProtocol())) {
            throw new IllegalStateException("Test script [" + resource + "] not found as a file on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Test script [" + resource + "] at an unusable location [" + url + "]", e);
        }
    }

    /**
     * Runs {@code python script args...}, its temporary files (flytekit's sandbox folder) under {@code temp}, and waits
     * at most {@code timeout}.
     */
    public Result run(Path script, Path temp, Duration timeout, String... args) {
        List<String> command = new ArrayList<>(List.of(python.toString(), script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TMPDIR", temp.toString());
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Path log = temp.resolve("python-" + System.nanoTime() + ".log");
        builder.redirectOutput(log.toFile());
        try {
            Files.createDirectories(temp);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                fail(String.join(" ", command) + " did not finish within " + timeout + ":\n" + Files.readString(log));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command, e);
        }
    }
}
