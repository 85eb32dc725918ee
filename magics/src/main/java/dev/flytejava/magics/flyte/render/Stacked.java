package dev.flytejava.magics.flyte.render;

import dev.flytejava.magics.display.Displayable;
import dev.flytejava.magics.display.Html;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several displays shown as one, top to bottom: each part's HTML (or its SVG drawing) in one {@code text/html}, and
 * their {@code text/plain} separated by blank lines. For example a launch plan's card above its workflow's DAG.
 */
public record Stacked(List<Displayable> parts) implements Displayable {

    public Stacked {
        parts = List.copyOf(parts);
    }

    @Override
    public Map<String, String> mimeBundle() {
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<div class=\"flyte-stack\">");
        for (Displayable part : parts) {
            Map<String, String> bundle = part.mimeBundle();
            text.append(text.length() == 0 ? "" : "\n\n").append(bundle.getOrDefault("text/plain", ""));
            String markup = bundle.containsKey("text/html") ? bundle.get("text/html")
                    : bundle.containsKey("image/svg+xml") ? bundle.get("image/svg+xml")
                    : "<pre>" + Html.escape(bundle.getOrDefault("text/plain", "")) + "</pre>";
            html.append("<div>").append(markup).append("</div>");
        }
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", text.toString());
        bundle.put("text/html", html.append("</div>").toString());
        return bundle;
    }
}
