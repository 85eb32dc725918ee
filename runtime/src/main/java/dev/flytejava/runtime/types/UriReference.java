package dev.flytejava.runtime.types;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.net.URI;
import java.nio.file.Path;

/**
 * A value that names its data by URI rather than holding it: a path on this machine (no scheme, or {@code file:}) or
 * a remote location ({@code s3://...}, {@code gs://...}). {@link FlyteFile}, {@link FlyteDirectory} and
 * {@link StructuredDataset} are such references; only the URI travels between tasks.
 */
public interface UriReference {

    String uri();

    /** Whether the URI names a path on this machine (no scheme, or {@code file:}). */
    @JsonIgnore
    default boolean isLocal() {
        String uri = uri();
        int colon = uri.indexOf(':');
        int slash = uri.indexOf('/');
        boolean hasScheme = colon > 1 && (slash < 0 || colon < slash); // "C:" alone is not a scheme
        return !hasScheme || uri.startsWith("file:");
    }

    /** The local path; fails for remote URIs. */
    @JsonIgnore
    default Path toPath() {
        String uri = uri();
        if (!isLocal()) {
            throw new IllegalStateException("[" + uri + "] is a remote URI, not a local path; download it first");
        }
        return uri.startsWith("file:") ? Path.of(URI.create(uri)) : Path.of(uri);
    }
}
