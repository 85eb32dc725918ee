package dev.flytejava.magics.flyte.render;

import dev.flytejava.magics.display.Displayable;
import dev.flytejava.magics.display.Html;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A workflow DAG drawn as SVG ({@code image/svg+xml}) with a {@code text/plain} summary. With node
 * progress, boxes are coloured by state and show time, attempt and cache hits.
 */
public final class DagSvg implements Displayable {
    private final Dag dag;
    private final DagLayout layout;
    private final Map<String, NodeProgress> progress;

    public DagSvg(Dag dag) {
        this(dag, Map.of());
    }

    public DagSvg(Dag dag, Map<String, NodeProgress> progress) {
        this(dag, DagLayout.of(dag), progress);
    }

    private DagSvg(Dag dag, DagLayout layout, Map<String, NodeProgress> progress) {
        this.dag = dag;
        this.layout = layout;
        this.progress = Map.copyOf(progress);
    }

    /** The same drawing with other progress; the layout is not computed again (a live run redraws often). */
    public DagSvg withProgress(Map<String, NodeProgress> progress) {
        return new DagSvg(dag, layout, progress);
    }

    @Override
    public Map<String, String> mimeBundle() {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("image/svg+xml", svg());
        bundle.put("text/plain", summary());
        return bundle;
    }

    /** "workflow pipeline: 2 inputs, 3 nodes, 1 output; edges: x -> a, a -> b". */
    public String summary() {
        long inputs = dag.nodes().stream().filter(n -> n.kind() == Dag.Kind.INPUT).count();
        long outputs = dag.nodes().stream().filter(n -> n.kind() == Dag.Kind.OUTPUT).count();
        long nodes = dag.nodes().size() - inputs - outputs;
        StringBuilder sb = new StringBuilder(dag.title()).append(": ").append(inputs).append(inputs == 1 ? " input, " : " inputs, ")
                .append(nodes).append(nodes == 1 ? " node, " : " nodes, ").append(outputs).append(outputs == 1 ? " output" : " outputs");
        for (Dag.Node n : dag.nodes()) {
            if (n.kind() == Dag.Kind.INPUT || n.kind() == Dag.Kind.OUTPUT) continue;
            sb.append("\n  ").append(n.id()).append(" [").append(n.kind().name().toLowerCase(java.util.Locale.ROOT)).append("] ")
                    .append(String.join(" | ", n.lines()));
            NodeProgress p = progress.get(n.id());
            if (p != null) sb.append("  ").append(statusText(p));
        }
        sb.append("\n  edges: ");
        for (int i = 0; i < dag.edges().size(); i++) {
            Dag.Edge e = dag.edges().get(i);
            sb.append(i == 0 ? "" : ", ").append(e.from()).append(" -> ").append(e.to());
        }
        return sb.toString();
    }

    public String svg() {
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(layout.width()).append("\" height=\"")
                .append(layout.height()).append("\" viewBox=\"0 0 ").append(layout.width()).append(' ').append(layout.height())
                .append("\" font-family=\"monospace\" font-size=\"12\">\n");
        sb.append("<title>").append(Html.escape(dag.title())).append("</title>\n");
        sb.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
                + "orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555\"/></marker></defs>\n");
        for (Dag.Edge e : dag.edges()) edge(sb, e);
        for (Dag.Node n : dag.nodes()) node(sb, n);
        sb.append("</svg>\n");
        return sb.toString();
    }

    private void edge(StringBuilder sb, Dag.Edge e) {
        DagLayout.Box a = layout.boxes().get(e.from());
        DagLayout.Box b = layout.boxes().get(e.to());
        int x1 = a.x() + a.width();
        int y1 = a.centerY();
        int x2 = b.x();
        int y2 = b.centerY();
        int mid = (x1 + x2) / 2;
        sb.append("<g class=\"edge\" data-from=\"").append(Html.escape(e.from())).append("\" data-to=\"").append(Html.escape(e.to()))
                .append("\"><path d=\"M ").append(x1).append(' ').append(y1).append(" C ").append(mid).append(' ').append(y1)
                .append(", ").append(mid).append(' ').append(y2).append(", ").append(x2).append(' ').append(y2)
                .append("\" fill=\"none\" stroke=\"#555\" stroke-width=\"1.2\" marker-end=\"url(#arrow)\"/>");
        if (!e.label().isEmpty()) {
            sb.append("<text x=\"").append(x2 - 4).append("\" y=\"").append(y2 - 4)
                    .append("\" text-anchor=\"end\" font-size=\"10\" fill=\"#777\">").append(Html.escape(e.label())).append("</text>");
        }
        sb.append("</g>\n");
    }

    private void node(StringBuilder sb, Dag.Node n) {
        DagLayout.Box box = layout.boxes().get(n.id());
        NodeProgress p = progress.get(n.id());
        String fill = fill(n.kind());
        String stroke = "#444";
        if (p != null) {
            fill = p.state().fill;
            stroke = p.state().stroke;
        }
        sb.append("<g class=\"node ").append(n.kind().name().toLowerCase(java.util.Locale.ROOT)).append("\" data-id=\"")
                .append(Html.escape(n.id())).append('"');
        if (p != null) sb.append(" data-state=\"").append(p.state()).append('"');
        sb.append(">");
        int rx = switch (n.kind()) {
            case INPUT, OUTPUT -> box.height() / 2;
            case BRANCH -> 2;
            default -> 6;
        };
        if (n.kind() == Dag.Kind.MAP) {
            // a stack of cards for an array node
            sb.append(rect(box.x() + 4, box.y() - 4, box.width(), box.height(), rx, fill, stroke, "stroke-opacity=\"0.5\""));
        }
        String dash = n.kind() == Dag.Kind.BRANCH ? "stroke-dasharray=\"5 3\"" : "";
        sb.append(rect(box.x(), box.y(), box.width(), box.height(), rx, fill, stroke, dash));
        int y = box.y() + DagLayout.PAD_Y + 12;
        for (int i = 0; i < n.lines().size(); i++) {
            sb.append("<text x=\"").append(box.x() + DagLayout.PAD_X).append("\" y=\"").append(y).append('"')
                    .append(i == 0 ? " font-weight=\"bold\"" : " fill=\"#333\"").append('>')
                    .append(Html.escape(n.lines().get(i))).append("</text>");
            y += DagLayout.LINE_HEIGHT;
        }
        if (p != null && p.state() != NodeProgress.State.WAITING) {
            sb.append("<text x=\"").append(box.x() + box.width() - 4).append("\" y=\"").append(box.y() + box.height() + 11)
                    .append("\" text-anchor=\"end\" font-size=\"10\" fill=\"").append(p.state().stroke).append("\">")
                    .append(Html.escape(statusText(p))).append("</text>");
        }
        sb.append("</g>\n");
    }

    static String statusText(NodeProgress p) {
        StringBuilder s = new StringBuilder(p.state().name().toLowerCase(java.util.Locale.ROOT));
        if (p.state() != NodeProgress.State.WAITING && p.state() != NodeProgress.State.SKIPPED) s.append(' ').append(p.durationText());
        if (p.attempt() > 1) s.append(" attempt ").append(p.attempt());
        if (p.cacheHit() && p.state() != NodeProgress.State.CACHED) s.append(" (cache hit)");
        p.elements().ifPresent(e -> s.append(" (").append(e).append(')'));
        return s.toString();
    }

    private static String rect(int x, int y, int w, int h, int rx, String fill, String stroke, String extra) {
        return "<rect x=\"" + x + "\" y=\"" + y + "\" width=\"" + w + "\" height=\"" + h + "\" rx=\"" + rx + "\" fill=\"" + fill
                + "\" stroke=\"" + stroke + "\" " + extra + "/>";
    }

    private static String fill(Dag.Kind kind) {
        return switch (kind) {
            case INPUT, OUTPUT -> "#fff7ed";
            case BRANCH -> "#fefce8";
            case MAP -> "#eef2ff";
            case SUBWORKFLOW, LAUNCH_PLAN -> "#f5f3ff";
            case SETUP, TEARDOWN -> "#f1f5f9";
            default -> "#ffffff";
        };
    }
}
