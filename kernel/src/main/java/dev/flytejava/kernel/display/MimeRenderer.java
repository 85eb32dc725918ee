package dev.flytejava.kernel.display;

import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import dev.flytejava.magics.display.Displayable;

/**
 * Renders a value as the {@code data} of a Jupyter display message: a {@link Displayable}'s own
 * bundle, anything else as {@code text/plain}. {@code text/plain} is always present, and JSON
 * types are sent as JSON (not as a string holding JSON), as front ends expect.
 */
public final class MimeRenderer {

    private MimeRenderer() {
    }

    /** The richest bundle of {@code value}; {@code plainText} is used when it has no text of its own. */
    public static Map<String, Object> render(Object value, String plainText) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (value instanceof Displayable d) {
            Map<String, String> bundle = d.mimeBundle();
            if (bundle == null) throw new IllegalArgumentException("[" + value.getClass().getName() + "].mimeBundle() returned null");
            bundle.forEach((mime, content) -> data.put(mime, content(mime, content)));
        }
        data.putIfAbsent("text/plain", plainText != null ? plainText : ValueText.of(value, String::valueOf));
        return data;
    }

    /**
     * {@code value} shown only as {@code mime}: a {@code String} is content of that type, other
     * values must have that type in their bundle.
     */
    public static Map<String, Object> render(Object value, String mime, String plainText) {
        if (mime == null || mime.isBlank()) return render(value, plainText);
        Map<String, Object> data = new LinkedHashMap<>();
        if (value instanceof Displayable) {
            Map<String, Object> all = render(value, plainText);
            if (!all.containsKey(mime)) {
                throw new IllegalArgumentException("No [" + mime + "] in the MIME bundle of [" + value.getClass().getName()
                        + "]; it has " + all.keySet());
            }
            data.put(mime, all.get(mime));
            data.put("text/plain", all.get("text/plain"));
        } else {
            String text = String.valueOf(value);
            data.put(mime, content(mime, text));
            data.putIfAbsent("text/plain", mime.startsWith("text/") ? text : "<" + mime + ">");
        }
        return data;
    }

    private static Object content(String mime, String content) {
        if (mime.equals("application/json") || mime.endsWith("+json")) {
            try {
                return JsonParser.parseString(content);
            } catch (JsonParseException e) {
                throw new IllegalArgumentException("Invalid JSON for [" + mime + "]: " + e.getMessage(), e);
            }
        }
        return content;
    }
}
