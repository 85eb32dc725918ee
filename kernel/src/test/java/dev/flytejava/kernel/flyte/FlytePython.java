package dev.flytejava.kernel.flyte;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project's Python with flytekit (the venv {@code bin/python-env} makes): the {@code flyte.python} property
 * that {@code bin/test} passes, else {@code .venv/bin/python} at the repository root. Tests that need flytekit as
 * the peer fail when neither exists: the suite never falls back to a system Python.
 */
public final class FlytePython {
    private FlytePython() {}

    public static Path path() {
        String given = System.getProperty("flyte.python");
        if (given != null && !given.isBlank()) return Path.of(given);
        Path repo = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent();
        Path venv = repo.resolve(".venv/bin/python");
        if (Files.isExecutable(venv)) return venv;
        throw new AssertionError("No Python with flytekit: run bin/python-env (bin/test does) or pass -Dflyte.python=PATH");
    }
}
