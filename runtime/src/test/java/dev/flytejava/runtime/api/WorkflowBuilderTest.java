package dev.flytejava.runtime.api;

import static dev.flytejava.runtime.examples.ExampleTasks.addOne;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.runtime.examples.ExampleTasks;
import dev.flytejava.runtime.model.Binding;
import dev.flytejava.runtime.model.Condition;
import dev.flytejava.runtime.model.CronSchedule;
import dev.flytejava.runtime.model.LaunchPlan;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.Workflow;
import dev.flytejava.runtime.types.JavaTypes;
import dev.flytejava.runtime.types.TypeEngine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowBuilderTest {
  private final TypeEngine engine = TypeEngine.createDefault(getClass().getClassLoader());

  private WorkflowBuilder wf(String name) {
    return WorkflowBuilder.create(name, engine);
  }

  private static List<String> messages(WiringException e) {
    return e.errors().stream().map(WiringError::message).toList();
  }

  @Test
  void typeMismatchNamesNodeInputAndBothFlyteTypes() {
    WorkflowBuilder b = wf("typed");
    b.input("s", String.class);
    NodeRef n1 = b.node("n1", ExampleTasks.length(), Map.of("s", Binding.input("s")));
    NodeRef n0 = b.node("n0", Task.builder("hello").returns(String.class).body(in -> "hi").build(), Map.of());
    b.node("n2", addOne(), Map.of("x", n0.output()));
    b.node("n3", addOne(), Map.of("x", n1.output()));
    WiringException e = assertThrows(WiringException.class, b::build);
    assertEquals(List.of("Node [n2] (task [addOne]) input [x]: expected [INTEGER] but [n0.o0] is [STRING]"), messages(e));
    assertEquals("n2", e.errors().get(0).node());
    assertEquals("x", e.errors().get(0).input());
  }

  @Test
  void collectsEveryErrorInOnePass() {
    WorkflowBuilder b = wf("broken");
    b.input("x", long.class);
    b.input("s", String.class);
    b.node("a", addOne(), Map.of("x", Binding.input("nope")));                 // unknown workflow input
    b.node("b", addOne(), Map.of("x", Binding.output("ghost", "o0")));         // unknown node
    b.node("c", addOne(), Map.of("x", Binding.output("a", "o9")));             // unknown output
    b.node("d", ExampleTasks.sum(), Map.of("a", Binding.input("x")));          // missing input b
    b.node("e", addOne(), Map.of("x", Binding.input("s"), "y", Binding.input("x"))); // mismatch + extra input
    b.node("f", addOne(), Map.of("x", Binding.literal("seven")));              // bad literal
    b.node("g", ExampleTasks.sum(), Map.of("a", Binding.list(Binding.input("x")), "b", Binding.input("x")));
    b.after("g", "missing");
    b.output("o0", Binding.output("zzz", "o0"));
    WiringException e = assertThrows(WiringException.class, b::build);
    List<String> m = messages(e);
    assertTrue(m.contains("Node [a] (task [addOne]) input [x]: unknown workflow input [nope]; inputs are [x, s]"), m.toString());
    assertTrue(m.contains("Node [b] (task [addOne]) input [x]: unknown node [ghost]; nodes are [a, b, c, d, e, f, g]"), m.toString());
    assertTrue(m.contains("Node [c] (task [addOne]) input [x]: node [a] has no output [o9]; outputs are [o0]"), m.toString());
    assertTrue(m.contains("Node [d] input [b] is not bound (task [sum] needs [a, b])"), m.toString());
    assertTrue(m.contains("Node [e] (task [addOne]) input [x]: expected [INTEGER] but [s] is [STRING]"), m.toString());
    assertTrue(m.contains("Node [e] has no input [y]; task [addOne] takes [x]"), m.toString());
    assertTrue(m.stream().anyMatch(s -> s.startsWith("Node [f] (task [addOne]) input [x]: literal [seven] is not a valid [INTEGER]")),
        m.toString());
    assertTrue(m.contains("Node [g] (task [sum]) input [a]: expected [INTEGER] but got a list binding"), m.toString());
    assertTrue(m.stream().anyMatch(s -> s.contains("Ordering edge on unknown node")
        || s.contains("runs after unknown node [missing]")), m.toString());
    assertTrue(m.stream().anyMatch(s -> s.startsWith("Workflow output [o0]: unknown node [zzz]")), m.toString());
    assertTrue(e.getMessage().startsWith(m.size() + " wiring errors in workflow [broken]:"), e.getMessage());
  }

  @Test
  void cyclesAreNamed() {
    WorkflowBuilder b = wf("loop");
    b.node("n1", addOne(), Map.of("x", Binding.output("n3", "o0")));
    b.node("n2", addOne(), Map.of("x", Binding.output("n1", "o0")));
    b.node("n3", addOne(), Map.of("x", Binding.output("n2", "o0")));
    WiringException e = assertThrows(WiringException.class, b::build);
    assertEquals(1, e.errors().size(), messages(e).toString());
    String msg = e.errors().get(0).message();
    assertTrue(msg.startsWith("Cycle: "), msg);
    for (String id : List.of("n1", "n2", "n3")) {
      assertTrue(msg.contains(id), msg);
    }
  }

  @Test
  void orderingCycleThroughAfter() {
    WorkflowBuilder b = wf("loop2");
    b.node("a", ExampleTasks.step("a", new java.util.ArrayList<>()), Map.of());
    b.node("b", ExampleTasks.step("b", new java.util.ArrayList<>()), Map.of());
    b.after("a", "b").after("b", "a");
    WiringException e = assertThrows(WiringException.class, b::build);
    assertTrue(messages(e).stream().anyMatch(s -> s.matches("Cycle: (a -> b -> a|b -> a -> b)")), messages(e).toString());
  }

  @Test
  void listsOptionalsAndMapsAreChecked() {
    WorkflowBuilder b = wf("collections");
    b.input("xs", JavaTypes.listOf(Long.class));
    b.input("names", JavaTypes.listOf(String.class));
    b.node("ok", ExampleTasks.stats(), Map.of("xs", Binding.input("xs")));
    b.node("bad", ExampleTasks.stats(), Map.of("xs", Binding.input("names")));
    Task opt = Task.builder("opt").input("o", JavaTypes.optionalOf(Long.class)).body(in -> null).build();
    b.node("opt", opt, Map.of("o", Binding.output("ok", "count")));
    WiringException e = assertThrows(WiringException.class, b::build);
    assertEquals(List.of("Node [bad] (task [stats]) input [xs]: expected [LIST<INTEGER>] but [names] is [LIST<STRING>]"),
        messages(e));
  }

  @Test
  void branchChecksConditionsAndCaseOutputs() {
    WorkflowBuilder b = wf("branchy");
    b.input("x", long.class);
    b.input("xs", JavaTypes.listOf(Long.class));
    b.branch("b")
        .when(Condition.gt(Binding.input("xs"), Binding.literal(1L)), "one", addOne(), Map.of("x", Binding.input("x")))
        .when(Condition.eq(Binding.input("x"), Binding.literal("a")), "two", ExampleTasks.length(),
            Map.of("s", Binding.literal("abc")))
        .otherwise("three", addOne(), Map.of("x", Binding.input("x")))
        .end();
    WiringException e = assertThrows(WiringException.class, b::build);
    List<String> m = messages(e);
    assertTrue(m.stream().anyMatch(s -> s.contains("operand [xs] is [LIST<INTEGER>]")), m.toString());
    assertTrue(m.contains("Branch [b] condition [x == a] compares [INTEGER] with [STRING]"), m.toString());
    assertEquals(2, m.size(), m.toString());
  }

  @Test
  void launchPlanNodeRejectsBindingsOfFixedInputs() {
    WorkflowBuilder inner = wf("inner");
    inner.input("x", long.class);
    inner.input("y", long.class);
    inner.output("o0", inner.node("s", ExampleTasks.sum(), Map.of("a", Binding.input("x"), "b", Binding.input("y")))
        .output());
    Workflow w = inner.build();
    LaunchPlan lp = new LaunchPlan("lp", w, Map.of("x", 1L), Map.of(), null);
    WorkflowBuilder outer = wf("outer");
    outer.node("n", lp, Map.of("x", Binding.literal(5L)));
    WiringException e = assertThrows(WiringException.class, outer::build);
    assertEquals(List.of("Node [n] input [y] is not bound (launch plan [lp] needs [y])",
        "Node [n] has no input [x] (it is fixed by the launch plan); launch plan [lp] takes [y]"), messages(e));
  }

  @Test
  void launchPlanAndCronValidation() {
    WorkflowBuilder b = wf("w");
    b.input("x", long.class);
    Workflow w = b.build();
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> new LaunchPlan("lp", w, Map.of("y", 1L), Map.of(), null));
    assertTrue(unknown.getMessage().contains("Fixed input [y] of launch plan [lp] is not an input of workflow [w]"));
    new CronSchedule("*/5 0-23 1,15 JAN-DEC MON-FRI");
    new CronSchedule("@daily");
    for (String bad : List.of("* * * *", "61 * * * *", "* * * * MOO", "*/0 * * * *", "@sometimes", "5-1 * * * *")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new CronSchedule(bad), bad);
      assertTrue(e.getMessage().startsWith("Invalid cron schedule [" + bad + "]"), e.getMessage());
    }
  }

  @Test
  void outputsAreTypedFromTheirBindings() {
    WorkflowBuilder b = wf("outs");
    b.input("x", long.class);
    NodeRef s = b.node("s", ExampleTasks.stats(), Map.of("xs", Binding.list(Binding.input("x"), Binding.input("x"))));
    b.output("count", s.output("count"));
    b.output("mean", s.output("mean"));
    b.output("xs", Binding.list(Binding.input("x")));
    Workflow w = b.build();
    assertEquals(List.of("count", "mean", "xs"), w.iface().outputNames());
    assertEquals(double.class, w.iface().output("mean").type());
    assertEquals(JavaTypes.listOf(long.class), w.iface().output("xs").type());
  }
}
