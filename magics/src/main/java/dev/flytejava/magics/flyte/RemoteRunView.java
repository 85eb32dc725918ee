package dev.flytejava.magics.flyte;

import dev.flytejava.magics.MagicContext;
import dev.flytejava.magics.flyte.render.Dag;
import dev.flytejava.magics.flyte.render.DagSvg;
import dev.flytejava.magics.flyte.render.NodeProgress;
import dev.flytejava.magics.flyte.render.RunView;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecution;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live display of one remote run, the same view as a local run's: the top-level node executions FlyteAdmin
 * reports at each poll become each node's progress, redrawn in place when something changed.
 */
final class RemoteRunView {
    private final String title;
    private final Optional<DagSvg> dag;
    private final MagicContext context;
    private final Map<String, NodeProgress> nodes = new LinkedHashMap<>();
    private String displayId;
    private int updates;

    RemoteRunView(String title, List<String> topLevelNodes, Optional<Dag> dag, MagicContext context) {
        this.title = title;
        this.dag = dag.map(DagSvg::new);
        this.context = context;
        for (String id : topLevelNodes) nodes.put(id, NodeProgress.waiting(id));
    }

    void start() {
        displayId = context.display(view(Optional.empty(), Map.of()));
    }

    /** One poll's node executions; redraws only when a phase, duration or error changed. */
    void update(List<NodeExecution> executions) {
        boolean changed = false;
        for (NodeExecution e : executions) {
            String id = e.getId().getNodeId();
            if (id.equals("start-node") || id.equals("end-node")) continue;
            NodeProgress next = progress(id, e);
            if (!next.equals(nodes.get(id))) {
                nodes.put(id, next);
                changed = true;
            }
        }
        if (changed) draw(Optional.empty(), Map.of());
    }

    void finish(String summary, Map<String, String> outputs) {
        draw(Optional.of(summary), outputs);
    }

    /** How many in-place updates were sent (not counting the first display). */
    int updates() {
        return updates;
    }

    private static NodeProgress progress(String id, NodeExecution e) {
        var closure = e.getClosure();
        NodeProgress.State state = switch (closure.getPhase()) {
            case UNDEFINED, QUEUED -> NodeProgress.State.WAITING;
            case RUNNING, DYNAMIC_RUNNING, FAILING -> NodeProgress.State.RUNNING;
            case SUCCEEDED -> NodeProgress.State.SUCCEEDED;
            case RECOVERED -> NodeProgress.State.CACHED;
            case SKIPPED -> NodeProgress.State.SKIPPED;
            case FAILED, TIMED_OUT, ABORTED, UNRECOGNIZED -> NodeProgress.State.FAILED;
        };
        Duration took = Duration.ofSeconds(closure.getDuration().getSeconds(), closure.getDuration().getNanos());
        if (took.isZero() && closure.hasStartedAt()) {
            var started = closure.getStartedAt();
            took = Duration.between(java.time.Instant.ofEpochSecond(started.getSeconds(), started.getNanos()), java.time.Instant.now());
            took = took.isNegative() ? Duration.ZERO : took;
        }
        if (state == NodeProgress.State.RUNNING) took = Duration.ofMillis(took.toMillis() / 100 * 100); // redraw at most every 0.1 s
        Optional<String> error = closure.hasError() ? Optional.of(closure.getError().getMessage()) : Optional.empty();
        return new NodeProgress(id, state, took, 0, state == NodeProgress.State.CACHED, error);
    }

    private void draw(Optional<String> summary, Map<String, String> outputs) {
        context.updateDisplay(displayId, view(summary, outputs));
        updates++;
    }

    private RunView view(Optional<String> summary, Map<String, String> outputs) {
        return new RunView(title, dag, List.copyOf(nodes.values()), summary, outputs);
    }
}
