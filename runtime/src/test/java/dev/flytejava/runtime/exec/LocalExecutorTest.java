package dev.flytejava.runtime.exec;

import static dev.flytejava.runtime.examples.ExampleTasks.addOne;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flytejava.runtime.api.NodeRef;
import dev.flytejava.runtime.api.WorkflowBuilder;
import dev.flytejava.runtime.examples.ExampleTasks;
import dev.flytejava.runtime.model.Binding;
import dev.flytejava.runtime.model.Condition;
import dev.flytejava.runtime.model.CronSchedule;
import dev.flytejava.runtime.model.LaunchPlan;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.TaskDecorator;
import dev.flytejava.runtime.model.Workflow;
import dev.flytejava.runtime.types.JavaTypes;
import dev.flytejava.runtime.types.TypeEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalExecutorTest {
  private final TypeEngine engine = TypeEngine.createDefault(getClass().getClassLoader());
  private final LocalExecutor executor = LocalExecutor.builder(engine).parallelism(4).build();

  @AfterEach
  void close() {
    executor.close();
  }

  private WorkflowBuilder wf(String name) {
    return WorkflowBuilder.create(name, engine);
  }

  @Test
  void diamondRunsItsMiddleNodesInParallel() {
    WorkflowBuilder b = wf("diamond");
    b.input("x", long.class);
    NodeRef top = b.node("top", addOne(), Map.of("x", Binding.input("x")));
    NodeRef left = b.node("left", ExampleTasks.sleepy("sleepLeft", 300), Map.of("x", top.output()));
    NodeRef right = b.node("right", ExampleTasks.sleepy("sleepRight", 300), Map.of("x", top.output()));
    NodeRef join = b.node("join", ExampleTasks.sum(), Map.of("a", left.output(), "b", right.output()));
    b.output("o0", join.output());
    Workflow diamond = b.build();
    executor.call(diamond, 0L); // warm up class loading and the plan

    long t0 = System.nanoTime();
    Object out = executor.call(diamond, 1L);
    long ms = (System.nanoTime() - t0) / 1_000_000;

    assertEquals(4L, out);
    assertTrue(ms < 550, "diamond took " + ms + " ms; the two 300 ms nodes must overlap");
  }

  @Test
  void longChainRunsWithoutRecursion() {
    WorkflowBuilder b = wf("chain");
    b.input("x", long.class);
    Task add = addOne();
    Binding prev = Binding.input("x");
    for (int i = 0; i < 10_000; i++) {
      prev = b.node("n" + i, add, Map.of("x", prev)).output();
    }
    b.output("o0", prev);
    assertEquals(10_000L, executor.call(b.build(), 0L));
  }

  @Test
  void retriesUntilSuccess() {
    AtomicInteger calls = new AtomicInteger();
    Task flaky = ExampleTasks.flaky(2, 2, calls);
    List<NodeEvent> events = new CopyOnWriteArrayList<>();
    try (LocalExecutor ex = LocalExecutor.builder(engine).listener(events::add).build()) {
      assertEquals(70L, ex.call(flaky, 7L));
    }
    assertEquals(3, calls.get());
    List<Integer> attempts = events.stream().filter(e -> e.state() == NodeState.RUNNING).map(NodeEvent::attempt)
        .toList();
    assertEquals(List.of(1, 2, 3), attempts);
    assertEquals(NodeState.SUCCEEDED, events.get(events.size() - 1).state());
  }

  @Test
  void exhaustedRetriesReportPathAttemptAndCause() {
    AtomicInteger calls = new AtomicInteger();
    WorkflowBuilder b = wf("pipeline");
    b.input("x", long.class);
    NodeRef a = b.node("n1", addOne(), Map.of("x", Binding.input("x")));
    NodeRef f = b.node("n2", ExampleTasks.flaky(5, 1, calls), Map.of("x", a.output()));
    b.output("o0", f.output());
    NodeFailedException e = assertThrows(NodeFailedException.class, () -> executor.call(b.build(), 1L));
    assertEquals("pipeline/n2", e.nodePath());
    assertEquals("flaky", e.taskName());
    assertEquals(2, e.attempt());
    assertEquals(2, e.maxAttempts());
    assertInstanceOf(IllegalStateException.class, e.getCause());
    assertTrue(e.getMessage().contains("flaky failure 2"), e.getMessage());
  }

  @Test
  void timeoutFailsTheAttempt() {
    Task slow = Task.builder("slow").input("x", long.class).returns(long.class).timeout(Duration.ofMillis(100))
        .body(in -> {
          Thread.sleep(5_000);
          return in[0];
        }).build();
    long t0 = System.nanoTime();
    NodeFailedException e = assertThrows(NodeFailedException.class, () -> executor.call(slow, 1L));
    assertTrue((System.nanoTime() - t0) / 1_000_000 < 2_000);
    TaskTimeoutException cause = assertInstanceOf(TaskTimeoutException.class, e.getCause());
    assertEquals(Duration.ofMillis(100), cause.timeout());
    assertEquals("slow", e.nodePath());
  }

  @Test
  void teardownRunsAfterAFailingBodyAndDownstreamIsSkipped() {
    List<String> log = Collections.synchronizedList(new ArrayList<>());
    List<NodeEvent> events = new CopyOnWriteArrayList<>();
    WorkflowBuilder b = wf("guarded");
    b.input("x", long.class);
    b.setup("setup", ExampleTasks.step("setup", log), Map.of());
    NodeRef bad = b.node("bad", ExampleTasks.failing("boom", "body failed"), Map.of("x", Binding.input("x")));
    b.node("after", addOne(), Map.of("x", bad.output()));
    b.teardown("teardown", ExampleTasks.step("teardown", log), Map.of());
    Workflow w = b.build();
    try (LocalExecutor ex = LocalExecutor.builder(engine).listener(events::add).build()) {
      NodeFailedException e = assertThrows(NodeFailedException.class, () -> ex.call(w, 1L));
      assertEquals("guarded/bad", e.nodePath());
    }
    assertEquals(List.of("setup", "teardown"), log);
    assertTrue(events.stream().anyMatch(ev -> ev.path().equals("guarded/after") && ev.state() == NodeState.SKIPPED));
  }

  /** A value that can be written but not read back: its transformer's reader always fails. */
  record WriteOnly(String text) {}

  @Test
  void anInputThatCannotBeConvertedFailsTheNodeAndListenersSeeIt() {
    TypeEngine strict = TypeEngine.createDefault(getClass().getClassLoader());
    strict.register(dev.flytejava.runtime.types.TypeTransformer.via(WriteOnly.class, String.class, WriteOnly::text,
        text -> {
          throw new IllegalArgumentException("unreadable [" + text + "]");
        }));
    Task make = Task.builder("make").input("x", long.class).returns(WriteOnly.class)
        .body(in -> new WriteOnly("v" + in[0])).build();
    Task use = Task.builder("use").input("w", WriteOnly.class).returns(long.class).body(in -> 1L).build();
    WorkflowBuilder b = WorkflowBuilder.create("unreadable", strict);
    b.input("x", long.class);
    NodeRef made = b.node("made", make, Map.of("x", Binding.input("x")));
    NodeRef used = b.node("used", use, Map.of("w", made.output()));
    b.output("o0", used.output());
    Workflow w = b.build();
    List<NodeEvent> events = new CopyOnWriteArrayList<>();
    try (LocalExecutor ex = LocalExecutor.builder(strict).listener(events::add).build()) {
      NodeFailedException e = assertThrows(NodeFailedException.class, () -> ex.call(w, 1L));
      assertEquals("unreadable/used", e.nodePath());
      assertTrue(e.getMessage().contains("cannot convert input [w] of task [use]"), e.getMessage());
    }
    assertTrue(events.stream().anyMatch(ev -> ev.path().equals("unreadable/used") && ev.state() == NodeState.FAILED),
        events.toString());
  }

  @Test
  void setupRunsBeforeEveryBodyNode() {
    List<String> log = Collections.synchronizedList(new ArrayList<>());
    Task record = Task.builder("record").input("x", long.class).returns(long.class).body(in -> {
      log.add("body" + in[0]);
      return in[0];
    }).build();
    WorkflowBuilder b = wf("ordered");
    b.setup("setup", ExampleTasks.step("setup", log), Map.of());
    b.node("a", record, Map.of("x", Binding.literal(1L)));
    b.node("b", record, Map.of("x", Binding.literal(2L)));
    b.teardown("teardown", ExampleTasks.step("teardown", log), Map.of());
    executor.run(b.build(), Map.of());
    assertEquals("setup", log.get(0));
    assertEquals("teardown", log.get(3));
    assertEquals(Set.of("body1", "body2"), Set.copyOf(log.subList(1, 3)));
  }

  @Test
  void decoratorsRunOutermostFirst() {
    List<String> log = Collections.synchronizedList(new ArrayList<>());
    TaskDecorator[] ds = new TaskDecorator[3];
    for (int i = 0; i < 3; i++) {
      String name = "d" + (i + 1);
      ds[i] = (call, next) -> {
        log.add(name + ">" + call.taskName() + call.inputs());
        Object out = next.run(call);
        log.add(name + "<" + out);
        return out;
      };
    }
    Task t = Task.builder("inc").input("x", long.class).returns(long.class).decorators(ds)
        .body(in -> {
          log.add("task");
          return (long) in[0] + 1;
        }).build();
    assertEquals(6L, executor.call(t, 5L));
    assertEquals(List.of("d1>inc{x=5}", "d2>inc{x=5}", "d3>inc{x=5}", "task", "d3<6", "d2<6", "d1<6"), log);
  }

  @Test
  void decoratorMayChangeInputs() {
    TaskDecorator doubler = (call, next) -> next.run(call.withInputs(Map.of("x", (long) call.inputs().get("x") * 2)));
    Task t = addOne().withOptions(addOne().options().withDecorators(List.of(doubler)));
    assertEquals(11L, executor.call(t, 5L));
  }

  @Test
  void workflowDecoratorsWrapEveryTask() {
    AtomicInteger seen = new AtomicInteger();
    WorkflowBuilder b = wf("decorated");
    b.input("x", long.class);
    b.decorators(List.of((call, next) -> {
      seen.incrementAndGet();
      return next.run(call);
    }));
    NodeRef a = b.node("a", addOne(), Map.of("x", Binding.input("x")));
    NodeRef c = b.node("c", addOne(), Map.of("x", a.output()));
    b.output("o0", c.output());
    assertEquals(3L, executor.call(b.build(), 1L));
    assertEquals(2, seen.get());
  }

  @Test
  void branchRunsTheFirstMatchingCase() {
    WorkflowBuilder b = wf("branchy");
    b.input("x", long.class);
    NodeRef a = b.node("a", addOne(), Map.of("x", Binding.input("x")));
    NodeRef br = b.branch("b")
        .when(Condition.gt(a.output(), Binding.literal(10L)).and(Condition.ne(Binding.input("x"), Binding.literal(99L))),
            "big", ExampleTasks.scale(), Map.of("x", a.output(), "factor", Binding.literal(2L)))
        .when(Condition.le(a.output(), Binding.literal(0L)).or(Condition.eq(Binding.input("x"), Binding.literal(5L))),
            "small", ExampleTasks.scale(), Map.of("x", a.output(), "factor", Binding.literal(-1L)))
        .otherwise("mid", ExampleTasks.echo(), Map.of("x", a.output()))
        .end();
    b.output("o0", br.output());
    Workflow w = b.build();
    assertEquals(24L, executor.call(w, 11L));
    assertEquals(-6L, executor.call(w, 5L));
    assertEquals(4L, executor.call(w, 3L));
    assertEquals(100L, executor.call(w, 99L));
  }

  @Test
  void branchWithoutMatchFailsWithItsMessageAndPath() {
    WorkflowBuilder b = wf("strict");
    b.input("x", long.class);
    b.branch("b").when(Condition.gt(Binding.input("x"), Binding.literal(0L)), "pos", addOne(),
        Map.of("x", Binding.input("x"))).otherwiseFail("x must be positive").end();
    Workflow w = b.build();
    NodeFailedException e = assertThrows(NodeFailedException.class, () -> executor.run(w, Map.of("x", -1L)));
    assertEquals("strict/b", e.nodePath());
    assertTrue(e.getMessage().contains("x must be positive"));
  }

  @Test
  void failureInsideSubworkflowBranchNamesTheFullPath() {
    WorkflowBuilder inner = wf("inner");
    inner.input("x", long.class);
    NodeRef br = inner.branch("branch").when(Condition.ge(Binding.input("x"), Binding.literal(0L)), "n1",
        ExampleTasks.failing("explode", "kaboom"), Map.of("x", Binding.input("x"))).otherwiseFail("neg").end();
    inner.output("o0", br.output());
    WorkflowBuilder outer = wf("pipeline");
    outer.input("x", long.class);
    NodeRef sub = outer.node("n3", inner.build(), Map.of("x", Binding.input("x")));
    outer.output("o0", sub.output());
    NodeFailedException e = assertThrows(NodeFailedException.class, () -> executor.call(outer.build(), 1L));
    assertEquals("pipeline/n3/branch/n1", e.nodePath());
    assertEquals(1, e.attempt());
    assertTrue(e.getMessage().contains("kaboom"));
  }

  @Test
  void mapNodeRunsEveryElement() {
    WorkflowBuilder b = wf("mapped");
    b.input("xs", JavaTypes.listOf(Long.class));
    NodeRef m = b.map("m", addOne(), Map.of("x", Binding.input("xs")));
    NodeRef s = b.node("s", ExampleTasks.stats(), Map.of("xs", m.output()));
    b.output("count", s.output("count"));
    b.output("mean", s.output("mean"));
    Map<String, Object> out = executor.run(b.build(), Map.of("xs", List.of(1L, 2L, 3L, 4L)));
    assertEquals(Map.of("count", 4L, "mean", 3.5), out);
  }

  @Test
  void mapNodeWithMinSuccessRatio() {
    List<Long> xs = List.of(2L, 4L, 5L, 6L); // 3 of 4 succeed
    WorkflowBuilder ok = wf("tolerant");
    ok.input("xs", JavaTypes.listOf(Long.class));
    ok.output("o0", ok.map("m", ExampleTasks.evenOnly(), Map.of("x", Binding.input("xs")), Set.of(), 2, 0.75)
        .output());
    assertEquals(List.of(Optional.of(1L), Optional.of(2L), Optional.empty(), Optional.of(3L)),
        executor.call(ok.build(), xs));

    WorkflowBuilder strict = wf("strictMap");
    strict.input("xs", JavaTypes.listOf(Long.class));
    strict.output("o0", strict.map("m", ExampleTasks.evenOnly(), Map.of("x", Binding.input("xs")), Set.of(), 2,
        0.8).output());
    NodeFailedException e = assertThrows(NodeFailedException.class, () -> executor.call(strict.build(), xs));
    assertEquals("strictMap/m", e.nodePath());
    assertTrue(e.getMessage().startsWith("Node [strictMap/m] (task [evenOnly]) failed: 3 of 4 elements succeeded"
        + " (min success ratio 0.8); element [2] failed first, on attempt [1/1]: odd: "), e.getMessage());
    assertEquals("strictMap/m/2", ((NodeFailedException) e.getCause()).nodePath());
  }

  @Test
  void mapNodeWithFixedInput() {
    WorkflowBuilder b = wf("scaled");
    b.input("xs", JavaTypes.listOf(Long.class));
    b.output("o0", b.map("m", ExampleTasks.scale(), Map.of("x", Binding.input("xs"), "factor", Binding.literal(3L)),
        Set.of("factor"), 0, 1.0).output());
    assertEquals(List.of(3L, 6L), executor.call(b.build(), List.of(1L, 2L)));
  }

  @Test
  void launchPlanFixedAndDefaultInputs() {
    WorkflowBuilder b = wf("scaler");
    b.input("x", long.class);
    b.input("factor", long.class, 2L);
    b.output("o0", b.node("s", ExampleTasks.scale(), Map.of("x", Binding.input("x"), "factor",
        Binding.input("factor"))).output());
    Workflow w = b.build();
    LaunchPlan triple = new LaunchPlan("triple", w, Map.of("factor", 3L), Map.of("x", 7L),
        new CronSchedule("0 */2 * * MON-FRI"));
    assertEquals(Map.of("o0", 21L), executor.run(triple, Map.of()));
    assertEquals(Map.of("o0", 30L), executor.run(triple, Map.of("x", 10L)));
    IllegalArgumentException fixed = assertThrows(IllegalArgumentException.class,
        () -> executor.run(triple, Map.of("factor", 5L)));
    assertTrue(fixed.getMessage().contains("fixed"), fixed.getMessage());
    LaunchPlan plain = LaunchPlan.defaultFor(w);
    assertEquals(Map.of("o0", 8L), executor.run(plain, Map.of("x", 4L)));

    // as a node: the plan's default fills the unbound input, the fixed one cannot be bound
    WorkflowBuilder outer = wf("outer");
    outer.output("o0", outer.node("lp", triple, Map.of()).output());
    assertEquals(21L, executor.call(outer.build(), new Object[0]));
  }

  @Test
  void namedOutputsRoundTripAsRecord() {
    Object out = executor.call(ExampleTasks.stats(), List.of(1L, 2L, 6L));
    assertEquals(new ExampleTasks.Stats(3, 3.0), out);
  }

  @Test
  void workflowOutputsRebuildTheirRecord() {
    WorkflowBuilder b = wf("summary");
    b.input("xs", JavaTypes.listOf(Long.class));
    NodeRef s = b.node("s", ExampleTasks.stats(), Map.of("xs", Binding.input("xs")));
    b.output("count", s.output("count")).output("mean", s.output("mean")).outputRecord(ExampleTasks.Stats.class);
    assertEquals(new ExampleTasks.Stats(2, 2.5), executor.call(b.build(), List.of(2L, 3L)));

    WorkflowBuilder bad = wf("badSummary");
    bad.input("xs", JavaTypes.listOf(Long.class));
    NodeRef s2 = bad.node("s", ExampleTasks.stats(), Map.of("xs", Binding.input("xs")));
    bad.output("count", s2.output("mean")).output("mean", s2.output("mean")).outputRecord(ExampleTasks.Stats.class);
    dev.flytejava.runtime.api.WiringException e = assertThrows(dev.flytejava.runtime.api.WiringException.class,
        bad::build);
    assertEquals("Workflow output [count]: record component is [INTEGER] but [s.mean] is [FLOAT]",
        e.errors().get(0).message());
  }

  @Test
  void listAndMapBindings() {
    Task total = Task.builder("total").input("xs", JavaTypes.listOf(Long.class))
        .input("m", JavaTypes.mapOf(Long.class)).returns(long.class).body(in -> {
          @SuppressWarnings("unchecked") List<Long> xs = (List<Long>) in[0];
          @SuppressWarnings("unchecked") Map<String, Long> m = (Map<String, Long>) in[1];
          return xs.stream().mapToLong(Long::longValue).sum() + m.values().stream().mapToLong(Long::longValue).sum();
        }).build();
    WorkflowBuilder b = wf("collections");
    b.input("x", long.class);
    NodeRef a = b.node("a", addOne(), Map.of("x", Binding.input("x")));
    b.output("o0", b.node("t", total, Map.of(
        "xs", Binding.list(a.output(), Binding.literal(10L), Binding.input("x")),
        "m", Binding.map(Map.of("k", a.output(), "l", Binding.literal(100L))))).output());
    assertEquals(2L + 10 + 1 + 2 + 100, executor.call(b.build(), 1L));
  }

  @Test
  void explicitOrderingEdges() {
    List<String> log = Collections.synchronizedList(new ArrayList<>());
    WorkflowBuilder b = wf("ordered2");
    b.node("first", ExampleTasks.step("first", log), Map.of());
    b.node("second", ExampleTasks.step("second", log), Map.of());
    b.after("second", "first");
    executor.run(b.build(), Map.of());
    assertEquals(List.of("first", "second"), log);
  }

  @Test
  void listenerSeesEveryStateAndRecordFileIsWritten(@TempDir Path dir) throws Exception {
    List<NodeEvent> events = new CopyOnWriteArrayList<>();
    WorkflowBuilder b = wf("observed");
    b.input("x", long.class);
    NodeRef a = b.node("a", addOne(), Map.of("x", Binding.input("x")));
    b.output("o0", b.node("b", addOne(), Map.of("x", a.output())).output());
    try (LocalExecutor ex = LocalExecutor.builder(engine).listener(events::add).recordDir(dir).build()) {
      ExecutionResult r = ex.execute(b.build(), Map.of("x", 1L));
      assertEquals(3L, r.output());
      assertEquals(List.of("observed/a", "observed/b"), r.nodes().stream().map(NodeRecord::path).toList());
      assertTrue(r.nodes().stream().allMatch(n -> n.state() == NodeState.SUCCEEDED && n.attempts() == 1));
      assertNotNull(r.recordFile());
      JsonNode json = new ObjectMapper().readTree(Files.readString(r.recordFile()));
      assertEquals("observed", json.get("name").asText());
      assertEquals(2, json.get("nodes").size());
      assertTrue(json.get("outputs").get("o0").asText().contains("integer: 3"), json.toString());
    }
    List<String> seq = events.stream().filter(e -> e.path().equals("observed/b")).map(e -> e.state().name()).toList();
    assertEquals(List.of("QUEUED", "RUNNING", "SUCCEEDED"), seq);
  }

  @Test
  void interruptStopsTheRunPromptly() throws Exception {
    WorkflowBuilder b = wf("runaway");
    b.input("x", long.class);
    NodeRef a = b.node("a", ExampleTasks.sleepy("longA", 30_000), Map.of("x", Binding.input("x")));
    NodeRef c = b.node("c", ExampleTasks.sleepy("longC", 30_000), Map.of("x", Binding.input("x")));
    b.node("d", ExampleTasks.sum(), Map.of("a", a.output(), "b", c.output()));
    Workflow w = b.build();
    java.util.concurrent.atomic.AtomicReference<Throwable> error = new java.util.concurrent.atomic.AtomicReference<>();
    Thread cell = new Thread(() -> {
      try {
        executor.call(w, 1L);
      } catch (Throwable t) {
        error.set(t);
      }
    });
    cell.start();
    Thread.sleep(300);
    long t0 = System.nanoTime();
    cell.interrupt();
    cell.join(5_000);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(!cell.isAlive() && ms < 1_000, "interrupted run took " + ms + " ms to stop");
    assertInstanceOf(NodeFailedException.class, error.get());
  }

  @Test
  void parallelismIsBounded() {
    WorkflowBuilder b = wf("wide");
    for (int i = 0; i < 4; i++) {
      b.node("s" + i, ExampleTasks.sleepy("sleep" + i, 200), Map.of("x", Binding.literal((long) i)));
    }
    Workflow w = b.build();
    try (LocalExecutor two = LocalExecutor.builder(engine).parallelism(2).build()) {
      long t0 = System.nanoTime();
      two.run(w, Map.of());
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(ms >= 390, "4 x 200 ms on 2 workers took only " + ms + " ms");
    }
  }

  @Test
  void subworkflowDefaultsFillUnboundInputsAndEmptyMapsWork() {
    WorkflowBuilder inner = wf("inner");
    inner.input("x", long.class);
    inner.input("factor", long.class, 10L);
    inner.output("o0", inner.node("s", ExampleTasks.scale(), Map.of("x", Binding.input("x"), "factor",
        Binding.input("factor"))).output());
    Workflow in = inner.build();
    WorkflowBuilder outer = wf("outer2");
    outer.input("xs", JavaTypes.listOf(Long.class));
    NodeRef sub = outer.node("sub", in, Map.of("x", Binding.literal(4L)));
    NodeRef m = outer.map("m", addOne(), Map.of("x", Binding.input("xs")));
    outer.output("scaled", sub.output());
    outer.output("mapped", m.output());
    assertEquals(Map.of("scaled", 40L, "mapped", List.of()), executor.run(outer.build(), Map.of("xs", List.of())));
  }

  @Test
  void badInputsAreNamed() {
    WorkflowBuilder b = wf("typed");
    b.input("x", long.class);
    b.output("o0", b.node("a", addOne(), Map.of("x", Binding.input("x"))).output());
    Workflow w = b.build();
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> executor.run(w, Map.of()));
    assertTrue(missing.getMessage().contains("Missing input [x] of workflow [typed]"), missing.getMessage());
    IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
        () -> executor.run(w, Map.of("x", "three")));
    assertTrue(wrong.getMessage().contains("[three]") && wrong.getMessage().contains("input [x]"),
        wrong.getMessage());
  }
}
