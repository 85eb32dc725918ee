package dev.flytejava.runtime.idl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.flytejava.runtime.api.WorkflowBuilder;
import dev.flytejava.runtime.model.Binding;
import dev.flytejava.runtime.model.EntityId;
import dev.flytejava.runtime.model.ReferenceTask;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.Workflow;
import dev.flytejava.runtime.types.TypeEngine;
import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;
import flyteidl.core.IdentifierOuterClass.Identifier;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Registration's versions: each entity's own, from its code and what it refers to; a reference task or launch plan
 * keeps its identifier and is not compiled.
 */
class PerEntityVersionsTest {
  private final TypeEngine engine = TypeEngine.createDefault(getClass().getClassLoader());
  private final IdlCompiler compiler = new IdlCompiler(engine);

  private static Task task(String name) {
    return Task.builder(name).input("x", long.class).returns(long.class).codeHash("h").body(in -> in[0]).build();
  }

  private Workflow workflow(Task... tasks) {
    WorkflowBuilder wf = WorkflowBuilder.create("wf", engine);
    wf.input("x", long.class);
    Binding last = Binding.input("x");
    for (int i = 0; i < tasks.length; i++) {
      last = wf.node("n" + i, tasks[i], Map.of("x", last)).output();
    }
    wf.output("o0", long.class, last);
    return wf.build();
  }

  private CompiledEntities compile(Workflow wf, Map<String, String> digests) {
    return compiler.compilePerEntity(EntitySet.of(wf), CompileOptions.forPackage().withTarget("p", "d"), "all", digests);
  }

  private static String version(CompiledEntities c, EntityId.Kind kind, String name) {
    return c.find(kind, name).id().getVersion();
  }

  @Test
  void editingOneTasksCodeReversionsThatTaskAndTheWorkflowOnly() {
    Workflow wf = workflow(task("a"), task("b"));
    CompiledEntities before = compile(wf, Map.of("a", "a1", "b", "b1"));
    CompiledEntities same = compile(wf, Map.of("a", "a1", "b", "b1"));
    CompiledEntities after = compile(wf, Map.of("a", "a2", "b", "b1"));
    assertEquals(before.specs(), same.specs());
    assertNotEquals(version(before, EntityId.Kind.TASK, "a"), version(after, EntityId.Kind.TASK, "a"));
    assertEquals(version(before, EntityId.Kind.TASK, "b"), version(after, EntityId.Kind.TASK, "b"));
    assertNotEquals(version(before, EntityId.Kind.WORKFLOW, "wf"), version(after, EntityId.Kind.WORKFLOW, "wf"));
    assertNotEquals(version(before, EntityId.Kind.LAUNCH_PLAN, "wf"), version(after, EntityId.Kind.LAUNCH_PLAN, "wf"));
    WorkflowSpec spec = ((CompiledSpec.OfWorkflow) after.find(EntityId.Kind.WORKFLOW, "wf")).spec();
    Identifier b = spec.getTemplate().getNodesList().stream().filter(n -> n.getId().equals("n1")).findFirst()
        .orElseThrow().getTaskNode().getReferenceId();
    assertEquals(version(after, EntityId.Kind.TASK, "b"), b.getVersion(), "the workflow names each task's own version");
    assertEquals(after.version(), version(after, EntityId.Kind.LAUNCH_PLAN, "wf"));
  }

  @Test
  void aReferenceTaskKeepsItsIdentifierAndIsNotCompiled() {
    Task remote = ReferenceTask.of(task("shift"), new dev.flytejava.runtime.model.ReferenceId("py", "prod", "mixed.shift", "v9"));
    CompiledEntities c = compile(workflow(task("a"), remote), Map.of("a", "a1"));
    assertNull(c.find(EntityId.Kind.TASK, "shift"));
    WorkflowSpec spec = ((CompiledSpec.OfWorkflow) c.find(EntityId.Kind.WORKFLOW, "wf")).spec();
    Identifier ref = spec.getTemplate().getNodesList().stream().filter(n -> n.getId().equals("n1")).findFirst()
        .orElseThrow().getTaskNode().getReferenceId();
    assertEquals(Identifier.newBuilder().setResourceType(flyteidl.core.IdentifierOuterClass.ResourceType.TASK)
        .setProject("py").setDomain("prod").setName("mixed.shift").setVersion("v9").build(), ref);
    CompiledEntities single = compiler.compile(EntitySet.of(workflow(task("a"), remote)),
        CompileOptions.forPackage().withTarget("p", "d"), "all");
    assertNull(single.find(EntityId.Kind.TASK, "shift"));
  }

  @Test
  void aReferenceLaunchPlanKeepsItsIdentifierAndNeitherItNorItsStandInIsCompiled() {
    dev.flytejava.runtime.model.LaunchPlan remote = dev.flytejava.runtime.model.ReferenceLaunchPlan.of("shiftTwice",
        task("x").iface(), new dev.flytejava.runtime.model.ReferenceId("py", "prod", "mixed.shift_twice", "v3"));
    WorkflowBuilder wf = WorkflowBuilder.create("caller", engine);
    wf.input("x", long.class);
    wf.output("o0", wf.node("n0", remote, Map.of("x", Binding.input("x"))).output());
    CompiledEntities c = compile(wf.build(), Map.of());
    assertNull(c.find(EntityId.Kind.LAUNCH_PLAN, "shiftTwice"));
    assertNull(c.find(EntityId.Kind.WORKFLOW, "shiftTwice"));
    assertNull(c.find(EntityId.Kind.TASK, "shiftTwice"));
    WorkflowSpec spec = ((CompiledSpec.OfWorkflow) c.find(EntityId.Kind.WORKFLOW, "caller")).spec();
    Identifier ref = spec.getTemplate().getNodes(0).getWorkflowNode().getLaunchplanRef();
    assertEquals(Identifier.newBuilder().setResourceType(flyteidl.core.IdentifierOuterClass.ResourceType.LAUNCH_PLAN)
        .setProject("py").setDomain("prod").setName("mixed.shift_twice").setVersion("v3").build(), ref);
  }
}
