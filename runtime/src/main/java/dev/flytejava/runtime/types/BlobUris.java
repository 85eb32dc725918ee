package dev.flytejava.runtime.types;

import java.net.URI;
import java.nio.file.Path;

/** Local-or-remote rules shared by {@link FlyteFile}, {@link FlyteDirectory} and {@link StructuredDataset}. */
final class BlobUris {

    private BlobUris() {}

    static boolean isLocal(String uri) {
        int colon = uri.indexOf(':');
        int slash = uri.indexOf('/');
        boolean hasScheme = colon > 1 && (slash < 0 || colon < slash);
        return !hasScheme || uri.startsWith("file:");
    }

    static Path toPath(String uri) {
        if (!isLocal(uri)) {
            throw new IllegalStateException("[" + uri + "] is a remote URI, not a local path; download it first");
        }
        return uri.startsWith("file:") ? Path.of(URI.create(uri)) : Path.of(uri);
    }
}
