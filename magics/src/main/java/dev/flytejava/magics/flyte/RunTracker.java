package dev.flytejava.magics.flyte;

import dev.flytejava.magics.MagicContext;
import dev.flytejava.magics.flyte.render.Dag;
import dev.flytejava.magics.flyte.render.DagSvg;
import dev.flytejava.magics.flyte.render.NodeProgress;
import dev.flytejava.magics.flyte.render.RunView;
import dev.flytejava.runtime.exec.NodeEvent;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live display of one local run: claims the executor's events of its execution (the first new
 * execution whose node paths start with its entity's name), keeps each top-level node's progress (and, for a map
 * node, how many of its elements are done, failed and running), and redraws one display in place, at most every
 * {@link #MIN_INTERVAL_MS} ms, plus a final redraw.
 */
final class RunTracker {
    static final long MIN_INTERVAL_MS = 100;

    private final String entity;
    private final Optional<DagSvg> dag;
    private final MagicContext context;
    private final Map<String, NodeProgress> nodes = new LinkedHashMap<>();
    private final Map<String, Long> runningSince = new LinkedHashMap<>();
    /** Map node id -> its elements' latest states, by element index. */
    private final Map<String, Map<String, NodeProgress.State>> elements = new LinkedHashMap<>();
    private String executionId;
    private String displayId;
    private boolean dirty;
    private long lastDrawn;
    private int updates;

    RunTracker(String entity, List<String> topLevelNodes, Optional<Dag> dag, MagicContext context) {
        this.entity = entity;
        this.dag = dag.map(DagSvg::new);
        this.context = context;
        for (String id : topLevelNodes) nodes.put(id, NodeProgress.waiting(id));
        dag.ifPresent(d -> d.nodes().stream().filter(n -> n.kind() == Dag.Kind.MAP).forEach(n -> elements.put(n.id(), new LinkedHashMap<>())));
    }

    synchronized void start() {
        displayId = context.display(view(Optional.empty(), Map.of()));
        lastDrawn = System.nanoTime();
    }

    /** Takes an event if it belongs to this run; returns whether it did. */
    synchronized boolean offer(NodeEvent event) {
        String[] path = event.path().split("/");
        if (executionId == null) {
            if (!path[0].equals(entity)) return false;
            executionId = event.executionId();
        } else if (!executionId.equals(event.executionId())) {
            return false;
        }
        NodeProgress.State state = switch (event.state()) {
            case QUEUED -> NodeProgress.State.WAITING;
            case RUNNING -> NodeProgress.State.RUNNING;
            case SUCCEEDED -> NodeProgress.State.SUCCEEDED;
            case CACHED -> NodeProgress.State.CACHED;
            case FAILED -> NodeProgress.State.FAILED;
            case SKIPPED -> NodeProgress.State.SKIPPED;
        };
        if (path.length == 3 && elements.containsKey(path[1])) { // element path[2] of map node path[1]
            elements.get(path[1]).put(path[2], state);
            dirty = true;
            return true;
        }
        if (path.length != 2 && !(path.length == 1 && nodes.containsKey(path[0]))) return true;
        String node = path[path.length - 1];
        if (state == NodeProgress.State.RUNNING) {
            runningSince.putIfAbsent(node, System.nanoTime() - event.elapsed().toNanos());
        } else {
            runningSince.remove(node);
        }
        Optional<String> error = state == NodeProgress.State.FAILED && event.error() != null
                ? Optional.of(String.valueOf(event.error().getMessage())) : Optional.empty();
        nodes.put(node, new NodeProgress(node, state, event.elapsed(), event.attempt(),
                state == NodeProgress.State.CACHED, error));
        dirty = true;
        return true;
    }

    /** Redraws if something changed (or a node is running) and the last redraw is old enough. */
    synchronized void tick() {
        if (displayId == null || (!dirty && runningSince.isEmpty())) return;
        if (System.nanoTime() - lastDrawn < MIN_INTERVAL_MS * 1_000_000) return;
        draw(Optional.empty(), Map.of());
    }

    synchronized void finish(String summary, Map<String, String> outputs) {
        runningSince.clear();
        draw(Optional.of(summary), outputs);
    }

    synchronized Map<String, NodeProgress> progress() {
        return Map.copyOf(nodes);
    }

    /** How many in-place updates were sent (not counting the first display). */
    synchronized int updates() {
        return updates;
    }

    private void draw(Optional<String> summary, Map<String, String> outputs) {
        context.updateDisplay(displayId, view(summary, outputs));
        updates++;
        dirty = false;
        lastDrawn = System.nanoTime();
    }

    private RunView view(Optional<String> summary, Map<String, String> outputs) {
        long now = System.nanoTime();
        List<NodeProgress> shown = nodes.values().stream().map(p -> {
            Long since = runningSince.get(p.nodeId());
            NodeProgress q = since == null ? p : new NodeProgress(p.nodeId(), p.state(), Duration.ofNanos(now - since), p.attempt(),
                    p.cacheHit(), p.error());
            Map<String, NodeProgress.State> of = elements.get(p.nodeId());
            return of == null || of.isEmpty() ? q : q.withElements(elementCounts(of.values()));
        }).toList();
        return new RunView(entity, dag, shown, summary, outputs);
    }

    /** "37 done, 1 failed, 4 running" (a cache hit counts as done; parts that are zero are left out). */
    private static String elementCounts(java.util.Collection<NodeProgress.State> states) {
        long done = states.stream().filter(s -> s == NodeProgress.State.SUCCEEDED || s == NodeProgress.State.CACHED).count();
        long failed = states.stream().filter(s -> s == NodeProgress.State.FAILED).count();
        long running = states.stream().filter(s -> s == NodeProgress.State.RUNNING).count();
        StringBuilder text = new StringBuilder().append(done).append(" done");
        if (failed > 0) text.append(", ").append(failed).append(" failed");
        if (running > 0) text.append(", ").append(running).append(" running");
        return text.toString();
    }
}
