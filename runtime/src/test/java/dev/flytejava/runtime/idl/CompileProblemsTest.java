package dev.flytejava.runtime.idl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.runtime.idl.IdlCompileException.Problem;
import dev.flytejava.runtime.idl.IdlCompileException.Site;
import dev.flytejava.runtime.model.Binding;
import dev.flytejava.runtime.model.LaunchPlan;
import dev.flytejava.runtime.model.Node;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.TaskNode;
import dev.flytejava.runtime.model.TypedInterface;
import dev.flytejava.runtime.model.Variable;
import dev.flytejava.runtime.model.Workflow;
import dev.flytejava.runtime.types.TypeEngine;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Bad model input: one exception listing every problem, each naming entity, node and input. */
class CompileProblemsTest {
  private final TypeEngine engine = TypeEngine.createDefault(getClass().getClassLoader());
  private final Task addOne = Task.builder("addOne").input("x", long.class).returns(long.class)
      .codeHash("h").body(in -> (long) in[0] + 1).build();

  @Test
  void aValueThatDoesNotConvertNamesWorkflowNodeAndInput() {
    Workflow wf = workflow("wf", List.of(new TaskNode("n1", addOne, Map.of("x", Binding.literal("seven")), List.of())));
    IdlCompileException e = compileFails(EntitySet.of(wf));
    Problem p = only(e);
    assertEquals(new Site("workflow [wf]", "n1", "x", null), p.site());
    assertTrue(p.message().contains("value [seven] cannot be converted to [long]"), p.message());
    assertTrue(e.getMessage().startsWith("Cannot compile to Flyte specs: workflow [wf], node [n1], input [x]: value"),
        e.getMessage());
  }

  @Test
  void aLaunchPlanValueThatDoesNotConvertNamesPlanAndInput() {
    Workflow wf = workflow("wf", List.of(new TaskNode("n1", addOne, Map.of("x", Binding.input("x")), List.of())));
    LaunchPlan lp = new LaunchPlan("lp", wf, Map.of("x", "not a long"), Map.of(), null);
    Problem p = only(compileFails(EntitySet.of(lp)));
    assertEquals(new Site("launch plan [lp]", null, "x", null), p.site());
  }

  @Test
  void aTypeWithoutTransformerNamesTaskAndInput() {
    Task t = Task.builder("threads").input("t", Thread.class).codeHash("h").body(in -> null).build();
    Problem p = only(compileFails(EntitySet.of(t)));
    assertEquals(new Site("task [threads]", null, "t", null), p.site());
    assertTrue(p.message().contains("no Flyte type for Java type [java.lang.Thread]"), p.message());
  }

  @Test
  void resourcesMustBeKnownNamesAndKubernetesQuantities() {
    Task t = Task.builder("big").requests(Map.of("cpu", "2 cores")).limits(Map.of("disk", "1Gi"))
        .codeHash("h").body(in -> null).build();
    IdlCompileException e = compileFails(EntitySet.of(t));
    assertEquals(2, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().contains("task [big]: resource request [cpu=2 cores] is not a Kubernetes quantity"),
        e.getMessage());
    assertTrue(e.getMessage().contains("task [big]: unknown resource [disk] in limits; use [cpu, mem, gpu, storage,"
        + " ephemeral_storage]"), e.getMessage());
  }

  @Test
  void twoDifferentTasksOfOneNameAreRejected() {
    Task other = Task.builder("addOne").input("x", long.class).returns(long.class).retries(3).codeHash("h")
        .body(in -> in[0]).build();
    Problem p = only(compileFails(EntitySet.of(addOne, other)));
    assertEquals("task [addOne]: two different tasks have this name; rename one", p.toString());
    // the same task twice, or an equal one, is fine
    new IdlCompiler(engine).compile(EntitySet.of(addOne, addOne.withOptions(addOne.options())),
        CompileOptions.forPackage(), "00000000");
  }

  @Test
  void aPlanNamedAfterAnotherWorkflowsDefaultPlanIsRejected() {
    Workflow wf = workflow("wf", List.of(new TaskNode("n1", addOne, Map.of("x", Binding.input("x")), List.of())));
    LaunchPlan lp = new LaunchPlan("wf", wf, Map.of("x", 1L), Map.of(), null);
    Problem p = only(compileFails(EntitySet.of(lp)));
    assertTrue(p.toString().contains("launch plan [wf]: two different launch plans have this name; rename one; each"
        + " workflow also has a default launch plan of its own name"), p.toString());
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    List<Node> nodes = List.of(
        new TaskNode("start-node", addOne, Map.of("x", Binding.input("x")), List.of()),
        new TaskNode("unbound", addOne, Map.of(), List.of()),
        new TaskNode("extra", addOne, Map.of("x", Binding.input("x"), "y", Binding.literal(1L)), List.of()));
    IdlCompileException e = compileFails(EntitySet.of(workflow("wf", nodes)));
    assertEquals(List.of(
        "workflow [wf], node [start-node]: node id [start-node] is reserved by Flyte for its own start node; rename"
            + " the node",
        "workflow [wf], node [unbound], input [x]: the input is not bound",
        "workflow [wf], node [extra], input [y]: the node has no such input; task [addOne] takes [x]"),
        e.problems().stream().map(Problem::toString).toList());
    assertTrue(e.getMessage().startsWith("Cannot compile to Flyte specs (3 problems):\n  - workflow [wf]"),
        e.getMessage());
  }

  private Workflow workflow(String name, List<Node> nodes) {
    TypedInterface iface = new TypedInterface(List.of(new Variable("x", long.class)), List.of(), null);
    return new Workflow(name, iface, Map.of(), nodes, Map.of(), Set.of(), Set.of());
  }

  private IdlCompileException compileFails(EntitySet set) {
    return assertThrows(IdlCompileException.class,
        () -> new IdlCompiler(engine).compile(set, CompileOptions.forPackage(), "00000000"));
  }

  private static Problem only(IdlCompileException e) {
    assertEquals(1, e.problems().size(), e.getMessage());
    return e.problems().get(0);
  }
}
