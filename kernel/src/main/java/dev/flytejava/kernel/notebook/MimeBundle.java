package dev.flytejava.kernel.notebook;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.flytejava.magics.display.Displayable;

/** A ready-made MIME bundle (MIME type to content), as {@link Display}'s factories return. */
public record MimeBundle(Map<String, String> mimeBundle) implements Displayable {

    public MimeBundle {
        if (mimeBundle == null || mimeBundle.isEmpty()) throw new IllegalArgumentException("a MIME bundle needs at least one MIME type");
        mimeBundle = Map.copyOf(new LinkedHashMap<>(mimeBundle));
    }

    /** A bundle of one MIME type with a plain-text fallback. */
    public static MimeBundle of(String mime, String content, String plainText) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(mime, content);
        if (!"text/plain".equals(mime)) m.put("text/plain", plainText);
        return new MimeBundle(m);
    }

    @Override
    public String toString() {
        return mimeBundle.getOrDefault("text/plain", mimeBundle.keySet().toString());
    }
}
