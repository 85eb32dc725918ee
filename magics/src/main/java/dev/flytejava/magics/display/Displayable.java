package dev.flytejava.magics.display;

import java.util.Map;

/**
 * An object that renders itself in a notebook as a MIME bundle: MIME type to content (text for
 * textual types, base64 for binary ones such as {@code image/png}). The kernel always adds
 * {@code text/plain} when the bundle lacks it.
 */
public interface Displayable {
    Map<String, String> mimeBundle();
}
