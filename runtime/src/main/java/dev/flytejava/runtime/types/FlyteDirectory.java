package dev.flytejava.runtime.types;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A directory passed between tasks, as a Flyte BLOB of multipart dimensionality: a local path or a remote URI
 * prefix ({@code s3://bucket/prefix/}).
 */
public record FlyteDirectory(String uri) {

    public FlyteDirectory {
        Objects.requireNonNull(uri, "uri");
        if (uri.isBlank()) {
            throw new IllegalArgumentException("FlyteDirectory needs a path or URI, got a blank string");
        }
    }

    public static FlyteDirectory of(Path path) {
        return new FlyteDirectory(path.toAbsolutePath().toString());
    }

    /** Whether the URI names a directory on this machine (no scheme, or {@code file:}). */
    public boolean isLocal() {
        return BlobUris.isLocal(uri);
    }

    /** The local path; fails for remote URIs. */
    public Path toPath() {
        return BlobUris.toPath(uri);
    }
}
