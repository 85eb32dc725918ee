package dev.flytejava.magics.flyte.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A left-to-right layered layout: each node's layer is the length of the longest path reaching it
 * (inputs first, outputs pulled to the last layer), nodes within a layer ordered by the mean position
 * of their upstream nodes (a few barycenter sweeps), each layer centred vertically.
 */
public record DagLayout(Map<String, Box> boxes, int width, int height) {

    public record Box(int x, int y, int width, int height) {
        int centerY() {
            return y + height / 2;
        }
    }

    static final int CHAR_WIDTH = 7;
    static final int LINE_HEIGHT = 16;
    static final int PAD_X = 12;
    static final int PAD_Y = 8;
    static final int GAP_X = 60;
    static final int GAP_Y = 18;
    static final int MARGIN = 16;

    public static DagLayout of(Dag dag) {
        Map<String, Integer> layer = layers(dag);
        int layerCount = layer.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        List<List<Dag.Node>> layers = new ArrayList<>();
        for (int i = 0; i < layerCount; i++) layers.add(new ArrayList<>());
        for (Dag.Node n : dag.nodes()) layers.get(layer.get(n.id())).add(n);
        order(dag, layers);

        Map<String, Box> boxes = new LinkedHashMap<>();
        int[] columnWidth = new int[layerCount];
        int[] columnHeight = new int[layerCount];
        for (int i = 0; i < layerCount; i++) {
            for (Dag.Node n : layers.get(i)) {
                columnWidth[i] = Math.max(columnWidth[i], width(n));
                columnHeight[i] += height(n) + GAP_Y;
            }
        }
        int height = 0;
        for (int h : columnHeight) height = Math.max(height, h - GAP_Y);
        int x = MARGIN;
        for (int i = 0; i < layerCount; i++) {
            int y = MARGIN + (height - (columnHeight[i] - GAP_Y)) / 2;
            for (Dag.Node n : layers.get(i)) {
                boxes.put(n.id(), new Box(x, y, columnWidth[i], height(n)));
                y += height(n) + GAP_Y;
            }
            x += columnWidth[i] + GAP_X;
        }
        int totalWidth = layerCount == 0 ? 2 * MARGIN : x - GAP_X + MARGIN;
        return new DagLayout(boxes, totalWidth, Math.max(height, 0) + 2 * MARGIN);
    }

    static int width(Dag.Node n) {
        int chars = n.lines().stream().mapToInt(String::length).max().orElse(1);
        return Math.max(60, chars * CHAR_WIDTH + 2 * PAD_X);
    }

    static int height(Dag.Node n) {
        return n.lines().size() * LINE_HEIGHT + 2 * PAD_Y;
    }

    /** Longest path from a source, by Kahn's topological order; outputs go to the last layer. */
    static Map<String, Integer> layers(Dag dag) {
        Map<String, List<String>> downstream = new HashMap<>();
        Map<String, Integer> indegree = new LinkedHashMap<>();
        for (Dag.Node n : dag.nodes()) indegree.put(n.id(), 0);
        for (Dag.Edge e : dag.edges()) {
            downstream.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
            indegree.merge(e.to(), 1, Integer::sum);
        }
        Map<String, Integer> layer = new HashMap<>();
        List<String> ready = new ArrayList<>();
        indegree.forEach((id, d) -> {
            if (d == 0) ready.add(id);
        });
        for (String id : ready) layer.put(id, 0);
        int seen = 0;
        while (seen < ready.size()) {
            String id = ready.get(seen++);
            for (String next : downstream.getOrDefault(id, List.of())) {
                layer.merge(next, layer.get(id) + 1, Math::max);
                if (indegree.merge(next, -1, Integer::sum) == 0) ready.add(next);
            }
        }
        if (ready.size() != dag.nodes().size()) throw new IllegalArgumentException("the graph has a cycle");
        int last = layer.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        for (Dag.Node n : dag.nodes()) {
            if (n.kind() == Dag.Kind.OUTPUT) layer.put(n.id(), Math.max(last, 1));
        }
        return layer;
    }

    /** Barycenter ordering: sort each layer by the mean index of upstream nodes, a few sweeps. */
    private static void order(Dag dag, List<List<Dag.Node>> layers) {
        Map<String, List<String>> upstream = new HashMap<>();
        for (Dag.Edge e : dag.edges()) upstream.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(e.from());
        for (int sweep = 0; sweep < 3; sweep++) {
            Map<String, Integer> index = new HashMap<>();
            for (List<Dag.Node> l : layers) {
                for (int i = 0; i < l.size(); i++) index.put(l.get(i).id(), i);
            }
            for (int li = 1; li < layers.size(); li++) {
                List<Dag.Node> l = layers.get(li);
                Map<String, Double> weight = new HashMap<>();
                for (int i = 0; i < l.size(); i++) {
                    Dag.Node n = l.get(i);
                    double current = i;
                    weight.put(n.id(), upstream.getOrDefault(n.id(), List.of()).stream()
                            .mapToInt(index::get).average().orElse(current));
                }
                l.sort(Comparator.comparingDouble(n -> weight.get(n.id())));
                for (int i = 0; i < l.size(); i++) index.put(l.get(i).id(), i);
            }
        }
    }
}
