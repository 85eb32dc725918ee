package dev.flytejava.kernel.flyte;

import dev.flytejava.runtime.storage.Storage;
import dev.flytejava.testkit.admin.ProcessLauncher;
import dev.flytejava.testkit.admin.TestAdmin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The testkit's FlyteAdmin with executions on, as kernel tests run remote workflows on it: task containers run from
 * a bin folder under {@code work} holding the repository's {@code flyte-java} (and, when {@code withPython}, the
 * venv's scripts, for flytekit tasks).
 */
public final class RunningTestkit implements AutoCloseable {
    private final Storage storage;
    private final TestAdmin admin;

    private RunningTestkit(Storage storage, TestAdmin admin) {
        this.storage = storage;
        this.admin = admin;
    }

    public static RunningTestkit start(Path work, boolean withPython) throws IOException {
        Path repo = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
        Path bin = Files.createDirectories(work.resolve("bin"));
        if (withPython) {
            try (var scripts = Files.list(FlytePython.path().getParent())) {
                for (Path s : scripts.toList()) {
                    // scripts only: a python linked elsewhere would not find its venv
                    if (!s.getFileName().toString().startsWith("python")) Files.createSymbolicLink(bin.resolve(s.getFileName()), s);
                }
            }
        }
        Files.createSymbolicLink(bin.resolve("flyte-java"), repo.resolve("bin/flyte-java"));
        Storage storage = Storage.create();
        return new RunningTestkit(storage, TestAdmin.builder()
                .executions(new ProcessLauncher(storage, bin, work.resolve("runs"), Duration.ofMinutes(3))).start());
    }

    public TestAdmin admin() {
        return admin;
    }

    /** The cell that points the session at this FlyteAdmin. */
    public String configCell() {
        return "%flyte config endpoint=" + admin.endpoint() + " insecure=true";
    }

    @Override
    public void close() throws IOException {
        admin.close();
        storage.close();
    }
}
