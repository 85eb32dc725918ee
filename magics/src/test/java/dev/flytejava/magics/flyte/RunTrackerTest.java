package dev.flytejava.magics.flyte;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.magics.flyte.render.Dag;
import dev.flytejava.magics.flyte.render.NodeProgress;
import dev.flytejava.magics.flyte.render.RunView;
import dev.flytejava.runtime.exec.NodeEvent;
import dev.flytejava.runtime.exec.NodeState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunTrackerTest {

    private static NodeEvent event(String execution, String path, NodeState state, int attempt, long ms) {
        return new NodeEvent(execution, path, state, attempt, Duration.ofMillis(ms), null);
    }

    @Test
    void claimsTheFirstExecutionOfItsEntityAndKeepsTopLevelNodes() throws Exception {
        try (JShellMagicContext ctx = new JShellMagicContext()) {
            RunTracker tracker = new RunTracker("pipeline", List.of("a", "b"), Optional.empty(), ctx);
            tracker.start();
            assertFalse(tracker.offer(event("e0", "other/a", NodeState.RUNNING, 1, 0)), "another entity's run");
            assertTrue(tracker.offer(event("e1", "pipeline/a", NodeState.RUNNING, 1, 0)));
            assertFalse(tracker.offer(event("e2", "pipeline/a", NodeState.RUNNING, 1, 0)), "a second run of the same workflow");
            assertTrue(tracker.offer(event("e1", "pipeline/b/branch_case1", NodeState.SUCCEEDED, 1, 3)), "nested: taken, not shown");
            assertTrue(tracker.offer(event("e1", "pipeline/a", NodeState.SUCCEEDED, 2, 12)));
            assertTrue(tracker.offer(event("e1", "pipeline/b", NodeState.CACHED, 0, 1)));
            Map<String, NodeProgress> p = tracker.progress();
            assertEquals(NodeProgress.State.SUCCEEDED, p.get("a").state());
            assertEquals(2, p.get("a").attempt());
            assertEquals(Duration.ofMillis(12), p.get("a").duration());
            assertEquals(NodeProgress.State.CACHED, p.get("b").state());
            assertTrue(p.get("b").cacheHit());
            tracker.finish("pipeline succeeded", Map.of("o0", "3"));
            assertEquals(1, tracker.updates());
            List<Object> shown = ctx.displays().get(0).values();
            assertEquals(2, shown.size(), "one display, updated in place");
            String text = ((RunView) shown.get(1)).mimeBundle().get("text/plain");
            assertTrue(text.contains("pipeline succeeded") && text.contains("o0 = 3"), text);
        }
    }

    @Test
    void ticksRedrawOnlyWhenSomethingChanged() throws Exception {
        try (JShellMagicContext ctx = new JShellMagicContext()) {
            RunTracker tracker = new RunTracker("wf", List.of("a"), Optional.empty(), ctx);
            tracker.start();
            Thread.sleep(RunTracker.MIN_INTERVAL_MS + 20);
            tracker.tick();
            assertEquals(0, tracker.updates(), "nothing changed, nothing running");
            tracker.offer(event("x", "wf/a", NodeState.SUCCEEDED, 1, 5));
            tracker.tick();
            assertEquals(1, tracker.updates());
            tracker.tick();
            assertEquals(1, tracker.updates());
        }
    }

    @Test
    void aMapNodeShowsHowItsElementsAreDoing() throws Exception {
        try (JShellMagicContext ctx = new JShellMagicContext()) {
            Dag dag = new Dag.Builder("wf").node("in:xs", Dag.Kind.INPUT, "xs").node("m", Dag.Kind.MAP, "map inc")
                    .node("b", Dag.Kind.TASK, "b").edge("in:xs", "m", "xs").edge("m", "b", null).build();
            RunTracker tracker = new RunTracker("wf", List.of("m", "b"), Optional.of(dag), ctx);
            tracker.start();
            tracker.offer(event("e", "wf/m", NodeState.RUNNING, 1, 0));
            for (int i = 0; i < 4; i++) tracker.offer(event("e", "wf/m/" + i, NodeState.RUNNING, 1, 0));
            tracker.offer(event("e", "wf/m/0", NodeState.SUCCEEDED, 1, 2));
            tracker.offer(event("e", "wf/m/1", NodeState.CACHED, 0, 0));
            tracker.offer(event("e", "wf/m/2", NodeState.FAILED, 1, 3));
            tracker.offer(event("e", "wf/b/3", NodeState.RUNNING, 1, 0)); // not a map node: nothing to count
            tracker.finish("wf failed", Map.of());
            List<Object> shown = ctx.displays().get(0).values();
            Map<String, String> last = ((RunView) shown.get(shown.size() - 1)).mimeBundle();
            assertTrue(last.get("text/plain").contains("m     running (2 done, 1 failed, 1 running)"), last.get("text/plain"));
            assertTrue(last.get("text/html").contains("(2 done, 1 failed, 1 running)"), "the DAG box says so too");
            assertFalse(last.get("text/plain").contains("b     waiting ("), last.get("text/plain"));
        }
    }
}
