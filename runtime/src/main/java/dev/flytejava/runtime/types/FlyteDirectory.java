package dev.flytejava.runtime.types;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A directory passed between tasks, as a Flyte BLOB of multipart dimensionality: a local path or a remote URI
 * prefix ({@code s3://bucket/prefix/}). Inside records it is written as {@code {"path": uri}}, as flytekit writes a
 * FlyteDirectory inside a dataclass.
 */
public record FlyteDirectory(@JsonProperty("path") String uri) implements UriReference {

    public FlyteDirectory {
        Objects.requireNonNull(uri, "uri");
        if (uri.isBlank()) {
            throw new IllegalArgumentException("FlyteDirectory needs a path or URI, got a blank string");
        }
    }

    public static FlyteDirectory of(Path path) {
        return new FlyteDirectory(path.toAbsolutePath().toString());
    }
}
