package dev.flytejava.magics.flyte;

import dev.flytejava.magics.MagicContext;
import dev.flytejava.magics.flyte.render.Dag;
import dev.flytejava.runtime.exec.ExecutionListener;
import dev.flytejava.runtime.exec.ExecutionResult;
import dev.flytejava.runtime.exec.LocalExecutor;
import dev.flytejava.runtime.exec.NodeEvent;
import dev.flytejava.runtime.exec.NodeFailedException;
import dev.flytejava.runtime.exec.NodeState;
import dev.flytejava.runtime.model.LaunchPlan;
import dev.flytejava.runtime.model.Node;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.Workflow;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Local runs with a live display: routes the executor's node events to the tracker of the run they
 * belong to, and redraws running trackers on a timer so times advance while a node runs.
 */
final class LocalRuns implements ExecutionListener, AutoCloseable {
    private final MagicContext context;
    private final List<RunTracker> active = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "flyte-run-display");
        t.setDaemon(true);
        return t;
    });
    /** The redraw timer, scheduled only while runs are active, so an idle session wakes no thread. */
    private ScheduledFuture<?> ticking;

    LocalRuns(MagicContext context) {
        this.context = context;
    }

    private synchronized void startTicking() {
        if (ticking == null) {
            ticking = ticker.scheduleWithFixedDelay(() -> active.forEach(t -> {
                try {
                    t.tick();
                } catch (RuntimeException e) {
                    // a display that cannot be updated must not stop the run
                }
            }), RunTracker.MIN_INTERVAL_MS, RunTracker.MIN_INTERVAL_MS / 2, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void stopTickingIfIdle() {
        if (ticking != null && active.isEmpty()) {
            ticking.cancel(false);
            ticking = null;
        }
    }

    @Override
    public void onNodeEvent(NodeEvent event) {
        for (RunTracker t : active) {
            if (t.offer(event)) return;
        }
    }


    Map<String, Object> run(LocalExecutor executor, Workflow workflow, Map<String, Object> inputs, Dag dag) {
        return tracked(workflow.name(), nodeIds(workflow), Optional.of(dag), () -> executor.execute(workflow, inputs));
    }

    Map<String, Object> run(LocalExecutor executor, LaunchPlan plan, Map<String, Object> inputs, Dag dag) {
        return tracked(plan.name(), nodeIds(plan.workflow()), Optional.of(dag), () -> executor.execute(plan, inputs));
    }

    Map<String, Object> run(LocalExecutor executor, Task task, Map<String, Object> inputs) {
        return tracked(task.name(), List.of(task.name()), Optional.empty(), () -> {
            long t0 = System.nanoTime();
            Map<String, Object> out = executor.run(task, inputs);
            return new ExecutionResult("", task.name(), out, List.of(), Duration.ofNanos(System.nanoTime() - t0), null);
        });
    }

    private Map<String, Object> tracked(String name, List<String> nodes, Optional<Dag> dag, Supplier<ExecutionResult> run) {
        RunTracker tracker = new RunTracker(name, nodes, dag, context);
        tracker.start();
        active.add(tracker);
        startTicking();
        long t0 = System.nanoTime();
        String summary = null;
        Map<String, String> outputs = Map.of();
        try {
            ExecutionResult result = run.get();
            summary = summary(name, result);
            outputs = OutputValues.texts(result.outputs());
            return result.outputs();
        } catch (NodeFailedException e) {
            summary = e.getCause() instanceof InterruptedException
                    ? name + " was interrupted after " + millis(t0) + " while node [" + e.nodePath() + "] was running"
                    : name + " failed after " + millis(t0) + " at node [" + e.nodePath() + "]: "
                            + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            throw e;
        } catch (RuntimeException e) {
            summary = name + " did not run: " + e.getMessage();
            throw e;
        } finally {
            // also after an interrupt (an Error): the ticker must stop redrawing this run
            active.remove(tracker);
            stopTickingIfIdle();
            tracker.finish(summary != null ? summary : name + " was interrupted after " + millis(t0), outputs);
        }
    }

    private static String summary(String name, ExecutionResult result) {
        long cached = result.nodes().stream().filter(n -> n.state() == NodeState.CACHED || n.cacheHit()).count();
        long ran = result.nodes().stream().filter(n -> n.state() == NodeState.SUCCEEDED).count();
        long skipped = result.nodes().stream().filter(n -> n.state() == NodeState.SKIPPED).count();
        StringBuilder sb = new StringBuilder(name).append(" succeeded in ").append(result.duration().toMillis()).append(" ms");
        if (!result.nodes().isEmpty()) {
            sb.append(": ").append(ran).append(ran == 1 ? " node ran" : " nodes ran").append(", ").append(cached).append(" from cache");
            if (skipped > 0) sb.append(", ").append(skipped).append(" skipped");
        }
        return sb.toString();
    }

    private static String millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000 + " ms";
    }

    private static List<String> nodeIds(Workflow workflow) {
        return workflow.nodes().stream().map(Node::id).toList();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
