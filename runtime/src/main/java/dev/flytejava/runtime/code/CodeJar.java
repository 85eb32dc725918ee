package dev.flytejava.runtime.code;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A class path entry a task's code loads classes from: a jar (or class folder) added with {@code %maven},
 * {@code %classpath} or {@code %jars}. {@code coordinates} are the Maven coordinates it was resolved from
 * ({@code null} for a plain file); {@code sha256} is the digest of its bytes (of its files, for a folder).
 */
public record CodeJar(Path path, String coordinates, String sha256) {
    public CodeJar {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** What identifies it in the hash and in listings: its coordinates, else its file name. */
    public String id() {
        return coordinates != null ? coordinates : path.getFileName().toString();
    }
}
