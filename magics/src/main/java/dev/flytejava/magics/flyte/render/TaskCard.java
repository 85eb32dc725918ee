package dev.flytejava.magics.flyte.render;

import dev.flytejava.magics.display.Displayable;
import dev.flytejava.magics.display.Html;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compact card a {@code %%task} cell shows: kind and name, the typed interface in Flyte types
 * ({@code x: INTEGER -> o0: INTEGER}) and the options that were set.
 */
public record TaskCard(String kind, String name, List<Variable> inputs, List<Variable> outputs,
                       Map<String, String> options) implements Displayable {

    /** An input or output: its name and Flyte type as text. */
    public record Variable(String name, String flyteType) {}

    public TaskCard {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
    }

    /** {@code x: INTEGER, y: STRING -> o0: INTEGER}; "()" for none. */
    public String signature() {
        return signature(inputs, outputs);
    }

    /** {@code x: INTEGER, y: STRING -> o0: INTEGER}; "()" for none. */
    public static String signature(List<Variable> inputs, List<Variable> outputs) {
        return join(inputs) + " -> " + join(outputs);
    }

    private static String join(List<Variable> vars) {
        if (vars.isEmpty()) return "()";
        StringBuilder sb = new StringBuilder();
        for (Variable v : vars) sb.append(sb.length() == 0 ? "" : ", ").append(v.name()).append(": ").append(v.flyteType());
        return sb.toString();
    }

    @Override
    public Map<String, String> mimeBundle() {
        StringBuilder text = new StringBuilder(kind).append(' ').append(name).append('\n').append("  ").append(signature());
        options.forEach((k, v) -> text.append("\n  ").append(k).append(": ").append(v));

        StringBuilder html = new StringBuilder("<div class=\"flyte-card\" style=\"border:1px solid #ccc;border-radius:6px;"
                + "padding:6px 10px;display:inline-block;font-family:monospace\">");
        html.append("<div><span style=\"color:#777\">").append(Html.escape(kind)).append("</span> <b>")
                .append(Html.escape(name)).append("</b></div>");
        html.append("<table style=\"border-collapse:collapse\">");
        row(html, "inputs", join(inputs));
        row(html, "outputs", join(outputs));
        options.forEach((k, v) -> row(html, k, v));
        html.append("</table></div>");

        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", text.toString());
        bundle.put("text/html", html.toString());
        return bundle;
    }

    private static void row(StringBuilder html, String key, String value) {
        html.append("<tr><td style=\"color:#777;padding-right:12px;text-align:left\">").append(Html.escape(key))
                .append("</td><td style=\"text-align:left\">").append(Html.escape(value)).append("</td></tr>");
    }
}
