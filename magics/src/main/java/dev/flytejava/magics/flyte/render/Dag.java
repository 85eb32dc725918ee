package dev.flytejava.magics.flyte.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A workflow graph as drawn: nodes (inputs, tasks, branches, map nodes, outputs...) with label lines,
 * and directed edges, optionally labelled with the input they feed. Duplicate edges are merged.
 */
public record Dag(String title, List<Node> nodes, List<Edge> edges) {

    public enum Kind { INPUT, TASK, SUBWORKFLOW, LAUNCH_PLAN, BRANCH, MAP, OUTPUT, SETUP, TEARDOWN }

    /** A box: its id, kind and text lines (the first is the title line). */
    public record Node(String id, Kind kind, List<String> lines) {
        public Node {
            lines = List.copyOf(lines);
            if (lines.isEmpty()) throw new IllegalArgumentException("node [" + id + "] has no label");
        }
    }

    public record Edge(String from, String to, String label) {}

    public Dag {
        nodes = List.copyOf(nodes);
        Set<String> ids = new LinkedHashSet<>();
        for (Node n : nodes) {
            if (!ids.add(n.id())) throw new IllegalArgumentException("duplicate node [" + n.id() + "]");
        }
        Map<String, Edge> unique = new LinkedHashMap<>();
        for (Edge e : edges) {
            if (!ids.contains(e.from()) || !ids.contains(e.to())) {
                throw new IllegalArgumentException("edge [" + e.from() + " -> " + e.to() + "] names an unknown node");
            }
            unique.merge(e.from() + "\u0000" + e.to(), e, (a, b) -> new Edge(a.from(), a.to(),
                    a.label().isEmpty() ? b.label() : b.label().isEmpty() || a.label().equals(b.label()) ? a.label() : a.label() + ", " + b.label()));
        }
        edges = List.copyOf(unique.values());
    }

    /** Collects nodes and edges in order. */
    public static final class Builder {
        private final String title;
        private final List<Node> nodes = new ArrayList<>();
        private final List<Edge> edges = new ArrayList<>();

        public Builder(String title) {
            this.title = title;
        }

        public Builder node(String id, Kind kind, String... lines) {
            nodes.add(new Node(id, kind, List.of(lines)));
            return this;
        }

        public Builder edge(String from, String to, String label) {
            edges.add(new Edge(from, to, label == null ? "" : label));
            return this;
        }

        public Dag build() {
            return new Dag(title, nodes, edges);
        }
    }
}
