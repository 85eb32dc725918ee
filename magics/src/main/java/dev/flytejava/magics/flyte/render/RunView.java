package dev.flytejava.magics.flyte.render;

import dev.flytejava.magics.display.Displayable;
import dev.flytejava.magics.display.Html;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live view of a local run: the DAG coloured by node state (for workflows; laid out once per run),
 * a table of each node's state, time, attempt and cache hit, and once finished a summary line and the
 * outputs.
 */
public record RunView(String title, Optional<DagSvg> dag, List<NodeProgress> nodes, Optional<String> summary,
                      Map<String, String> outputs) implements Displayable {

    public RunView {
        nodes = List.copyOf(nodes);
        outputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    }

    @Override
    public Map<String, String> mimeBundle() {
        Map<String, NodeProgress> byId = new LinkedHashMap<>();
        for (NodeProgress p : nodes) byId.put(p.nodeId(), p);
        List<List<String>> rows = new ArrayList<>();
        for (NodeProgress p : nodes) {
            rows.add(List.of(p.nodeId(), p.state().name().toLowerCase(java.util.Locale.ROOT) + p.elements().map(e -> " (" + e + ")").orElse(""),
                    p.state() == NodeProgress.State.WAITING ? "" : p.durationText(),
                    p.attempt() == 0 ? "" : String.valueOf(p.attempt()), p.cacheHit() ? "yes" : "",
                    p.error().orElse("")));
        }
        Table table = new Table(title, List.of("node", "state", "time", "attempt", "cache hit", "error"), rows);

        StringBuilder text = new StringBuilder(table.text());
        StringBuilder html = new StringBuilder("<div class=\"flyte-run\">");
        dag.ifPresent(d -> html.append(d.withProgress(byId).svg()));
        html.append(table.html());
        summary.ifPresent(s -> {
            text.append('\n').append(s);
            html.append("<p><b>").append(Html.escape(s)).append("</b></p>");
        });
        if (!outputs.isEmpty()) {
            html.append("<table class=\"flyte-outputs\"><tr><th style=\"text-align:left\">output</th>"
                    + "<th style=\"text-align:left\">value</th></tr>");
            outputs.forEach((k, v) -> {
                text.append("\n  ").append(k).append(" = ").append(v);
                html.append("<tr><td style=\"text-align:left\">").append(Html.escape(k)).append("</td><td style=\"text-align:left\">")
                        .append(Html.escape(v)).append("</td></tr>");
            });
            html.append("</table>");
        }
        html.append("</div>");
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", text.toString());
        bundle.put("text/html", html.toString());
        return bundle;
    }
}
