package dev.flytejava.magics.flyte;

import java.util.LinkedHashMap;
import java.util.Map;

/** An execution's outputs as short texts for display. */
final class OutputValues {
    private OutputValues() {}

    private static final int MAX_TEXT = 300;

    /** Short texts of the outputs, for the live view. */
    static Map<String, String> texts(Map<String, Object> outputs) {
        Map<String, String> texts = new LinkedHashMap<>();
        outputs.forEach((k, v) -> {
            String s = String.valueOf(v);
            texts.put(k, s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) + "..." : s);
        });
        return texts;
    }
}
