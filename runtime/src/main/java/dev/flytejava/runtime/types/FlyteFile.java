package dev.flytejava.runtime.types;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file passed between tasks, as a Flyte BLOB of single dimensionality: a local path or a remote URI
 * ({@code s3://...}, {@code gs://...}). Inside records it is written as {@code {"path": uri}}, as flytekit writes a
 * FlyteFile inside a dataclass. Use {@link java.nio.file.Path} for local-only files.
 */
public record FlyteFile(@JsonProperty("path") String uri) implements UriReference {

    public FlyteFile {
        Objects.requireNonNull(uri, "uri");
        if (uri.isBlank()) {
            throw new IllegalArgumentException("FlyteFile needs a path or URI, got a blank string");
        }
    }

    public static FlyteFile of(Path path) {
        return new FlyteFile(path.toAbsolutePath().toString());
    }
}
