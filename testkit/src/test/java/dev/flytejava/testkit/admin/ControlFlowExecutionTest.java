package dev.flytejava.testkit.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.runtime.api.NodeRef;
import dev.flytejava.runtime.api.WorkflowBuilder;
import dev.flytejava.runtime.exec.LocalExecutor;
import dev.flytejava.runtime.idl.EntitySet;
import dev.flytejava.runtime.model.Binding;
import dev.flytejava.runtime.model.Condition;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.LaunchPlan;
import dev.flytejava.runtime.model.Workflow;
import dev.flytejava.runtime.packaging.ShippedCode;
import dev.flytejava.runtime.storage.Storage;
import dev.flytejava.runtime.types.JavaTypes;
import dev.flytejava.runtime.types.TypeEngine;
import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionSpec;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetDataRequest;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecution;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionListRequest;
import flyteidl.core.Execution.NodeExecution.Phase;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.service.AdminServiceGrpc;
import flyteidl.service.AdminServiceGrpc.AdminServiceBlockingStub;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11: the testkit runs branch, map (array), subworkflow and launch plan nodes as propeller does. A Java workflow with a
 * record, a map, a subworkflow and a branch, registered with its code archive and run through the AdminService API
 * with Java tasks in their own JVMs, gives the local run's outputs; its node executions are reported at the top level
 * and, for the branch and the subworkflow, as children naming their parent.
 */
class ControlFlowExecutionTest {
  private static final TypeEngine ENGINE = TypeEngine.createDefault(ControlFlowExecutionTest.class.getClassLoader());
  private static final java.lang.reflect.Type LONGS = JavaTypes.listOf(Long.class);
  private static Workflow flow;
  private static ShippedCode code;

  @TempDir Path dir;

  @BeforeAll
  static void declare() throws Exception {
    Task order = ShippedJavaTasks.task(ControlFlowTasks.class, "order", "order", String.class, long.class);
    Task quantity = ShippedJavaTasks.task(ControlFlowTasks.class, "quantity", "quantity", ControlFlowTasks.Order.class);
    Task square = ShippedJavaTasks.task(ControlFlowTasks.class, "square", "square", long.class);
    Task sum = ShippedJavaTasks.task(ControlFlowTasks.class, "sum", "sum", List.class);
    Task bulk = ShippedJavaTasks.task(ControlFlowTasks.class, "bulk", "bulk", ControlFlowTasks.Order.class,
        long.class);
    Task single = ShippedJavaTasks.task(ControlFlowTasks.class, "single", "single", ControlFlowTasks.Order.class,
        long.class);

    WorkflowBuilder summing = WorkflowBuilder.create("summing", ENGINE);
    summing.input("xs", LONGS);
    summing.output("total", summing.node("s0", sum, Map.of("xs", Binding.input("xs"))).output());

    WorkflowBuilder wf = WorkflowBuilder.create("flow", ENGINE);
    wf.input("item", String.class).input("quantity", long.class).input("xs", LONGS);
    NodeRef made = wf.node("n0", order, Map.of("item", Binding.input("item"), "quantity", Binding.input("quantity")));
    NodeRef counted = wf.node("n1", quantity, Map.of("order", made.output()));
    NodeRef squares = wf.map("n2", square, Map.of("x", Binding.input("xs")));
    NodeRef total = wf.node("n3", summing.build(), Map.of("xs", squares.output()));
    Map<String, Binding> armInputs = Map.of("order", made.output(), "total", total.output("total"));
    NodeRef label = wf.branch("n4")
        .when(Condition.gt(counted.output(), Binding.literal(10L)), "bulk", bulk, armInputs)
        .otherwise("single", single, armInputs)
        .end();
    wf.output("label", label.output()).output("order", made.output()).output("squares", squares.output());
    flow = wf.build();

    Map<String, Method> methods = new LinkedHashMap<>();
    for (Task t : List.of(order, quantity, square, sum, bulk, single)) {
      methods.put(t.name(), java.util.Arrays.stream(ControlFlowTasks.class.getMethods())
          .filter(m -> m.getName().equals(t.name())).findFirst().orElseThrow());
    }
    code = ShippedJavaTasks.code(List.of(ControlFlowTasks.class, ControlFlowTasks.Order.class), methods);
  }

  @Test
  void branchMapAndSubworkflowRunAsPropellerRunsThemWithTheLocalOutputs() throws Exception {
    Map<String, Object> inputs = Map.of("item", "bolts", "quantity", 12L, "xs", List.of(1L, 2L, 3L));
    Map<String, Object> local;
    try (LocalExecutor executor = LocalExecutor.builder(ENGINE).build()) {
      local = executor.run(flow, inputs);
    }
    assertEquals("bulk bolts: 14", local.get("label"));

    try (Storage storage = Storage.create(); TestAdmin server = TestAdmin.builder()
        .executions(new ProcessLauncher(storage, ShippedJavaTasks.entrypointBin(dir), dir.resolve("work"),
            Duration.ofMinutes(2))).start()) {
      AdminServiceBlockingStub admin = AdminServiceGrpc.newBlockingStub(server.channel());
      Identifier launchPlan = ShippedJavaTasks.register(server, admin, ENGINE, EntitySet.of(flow), code);

      WorkflowExecutionIdentifier bulk = start(admin, launchPlan, "flow1", inputs);
      ShippedJavaTasks.await(admin, bulk, WorkflowExecution.Phase.SUCCEEDED);
      assertEquals(literals(local), outputs(admin, bulk));

      Map<String, Phase> top = phases(admin, bulk, "");
      assertEquals(Map.of("n0", Phase.SUCCEEDED, "n1", Phase.SUCCEEDED, "n2", Phase.SUCCEEDED, "n3", Phase.SUCCEEDED,
          "n4", Phase.SUCCEEDED), top);
      assertEquals(Map.of("n4-0-n4-bulk", Phase.SUCCEEDED), phases(admin, bulk, "n4"), "the branch ran its case");
      assertEquals(Map.of("n3-0-s0", Phase.SUCCEEDED), phases(admin, bulk, "n3"), "the subworkflow's node");

      Map<String, Object> few = Map.of("item", "nuts", "quantity", 2L, "xs", List.<Long>of());
      WorkflowExecutionIdentifier single = start(admin, launchPlan, "flow2", few);
      ShippedJavaTasks.await(admin, single, WorkflowExecution.Phase.SUCCEEDED);
      assertEquals(ENGINE.toLiteral("single nuts: 0", String.class), outputs(admin, single).getLiteralsOrThrow("label"));
      assertEquals(Map.of("n4-0-n4-single", Phase.SUCCEEDED), phases(admin, single, "n4"), "the otherwise arm ran");
    }
  }

  @Test
  void aFailingMapElementFailsTheMapNodeAndTheExecutionNamingTheNodeAndTheTasksError() throws Exception {
    try (Storage storage = Storage.create(); TestAdmin server = TestAdmin.builder()
        .executions(new ProcessLauncher(storage, ShippedJavaTasks.entrypointBin(dir), dir.resolve("work"),
            Duration.ofMinutes(2))).start()) {
      AdminServiceBlockingStub admin = AdminServiceGrpc.newBlockingStub(server.channel());
      Identifier launchPlan = ShippedJavaTasks.register(server, admin, ENGINE, EntitySet.of(flow), code);
      WorkflowExecutionIdentifier id = start(admin, launchPlan, "flow3",
          Map.of("item", "bolts", "quantity", 12L, "xs", List.of(4L, -1L)));
      Execution failed = ShippedJavaTasks.await(admin, id, WorkflowExecution.Phase.FAILED);
      String message = failed.getClosure().getError().getMessage();
      assertTrue(message.contains("map node n2: 1 of 2 elements failed"), message);
      assertTrue(message.contains("cannot square a negative in this test: -1"), message);
      assertEquals(Phase.FAILED, phases(admin, id, "").get("n2"));
    }
  }

  @Test
  void aLaunchPlanNodeRunsTheRegisteredPlansWorkflowWithItsFixedInputsAndTheNodesOwn() throws Exception {
    Task sum = ShippedJavaTasks.task(ControlFlowTasks.class, "sum", "sum", List.class);
    Task order = ShippedJavaTasks.task(ControlFlowTasks.class, "order", "order", String.class, long.class);
    WorkflowBuilder ordering = WorkflowBuilder.create("ordering", ENGINE);
    ordering.input("item", String.class).input("quantity", long.class);
    ordering.output("made", ordering.node("o0", order, Map.of("item", Binding.input("item"),
        "quantity", Binding.input("quantity"))).output());
    // the plan fixes the quantity; the calling node gives the item
    LaunchPlan dozen = new LaunchPlan("dozen", ordering.build(), Map.of("quantity", 12L), Map.of(), null);
    WorkflowBuilder wf = WorkflowBuilder.create("buyer", ENGINE);
    wf.input("item", String.class).input("xs", LONGS);
    NodeRef bought = wf.node("n0", dozen, Map.of("item", Binding.input("item")));
    NodeRef total = wf.node("n1", sum, Map.of("xs", Binding.input("xs")));
    wf.output("made", bought.output("made")).output("total", total.output());
    Workflow buyer = wf.build();
    Map<String, Object> inputs = Map.of("item", "bolts", "xs", List.of(1L, 2L));
    Map<String, Object> local;
    try (LocalExecutor executor = LocalExecutor.builder(ENGINE).build()) {
      local = executor.run(buyer, inputs);
    }

    try (Storage storage = Storage.create(); TestAdmin server = TestAdmin.builder()
        .executions(new ProcessLauncher(storage, ShippedJavaTasks.entrypointBin(dir), dir.resolve("work"),
            Duration.ofMinutes(2))).start()) {
      AdminServiceBlockingStub admin = AdminServiceGrpc.newBlockingStub(server.channel());
      Map<String, Method> methods = new LinkedHashMap<>();
      for (String name : List.of("sum", "order")) {
        methods.put(name, java.util.Arrays.stream(ControlFlowTasks.class.getMethods())
            .filter(m -> m.getName().equals(name)).findFirst().orElseThrow());
      }
      ShippedCode shipped = ShippedJavaTasks.code(List.of(ControlFlowTasks.class, ControlFlowTasks.Order.class), methods);
      Identifier launchPlan = ShippedJavaTasks.register(server, admin, ENGINE, EntitySet.of(buyer), shipped);
      WorkflowExecutionIdentifier id = admin.createExecution(ExecutionCreateRequest.newBuilder()
          .setProject(ShippedJavaTasks.PROJECT).setDomain(ShippedJavaTasks.DOMAIN).setName("buyer1")
          .setSpec(ExecutionSpec.newBuilder().setLaunchPlan(launchPlan))
          .setInputs(LiteralMap.newBuilder().putLiterals("item", ENGINE.toLiteral("bolts", String.class))
              .putLiterals("xs", ENGINE.toLiteral(List.of(1L, 2L), LONGS))).build()).getId();
      ShippedJavaTasks.await(admin, id, WorkflowExecution.Phase.SUCCEEDED);
      LiteralMap out = outputs(admin, id);
      assertEquals(ENGINE.toLiteral(local.get("made"), ControlFlowTasks.Order.class), out.getLiteralsOrThrow("made"),
          "the plan's fixed quantity and the node's item");
      assertEquals("Order[item=bolts, quantity=12]", local.get("made").toString());
      assertEquals(Map.of("n0-0-o0", Phase.SUCCEEDED), phases(admin, id, "n0"), "the plan's workflow ran as the node's child");
    }
  }

  private static WorkflowExecutionIdentifier start(AdminServiceBlockingStub admin, Identifier launchPlan, String name,
      Map<String, Object> inputs) {
    return admin.createExecution(ExecutionCreateRequest.newBuilder().setProject(ShippedJavaTasks.PROJECT)
        .setDomain(ShippedJavaTasks.DOMAIN).setName(name).setSpec(ExecutionSpec.newBuilder().setLaunchPlan(launchPlan))
        .setInputs(literals(inputs)).build()).getId();
  }

  private static LiteralMap literals(Map<String, Object> values) {
    Map<String, java.lang.reflect.Type> types = Map.of("item", String.class, "quantity", long.class, "label",
        String.class, "order", ControlFlowTasks.Order.class, "xs", LONGS, "squares", LONGS);
    LiteralMap.Builder out = LiteralMap.newBuilder();
    values.forEach((k, v) -> out.putLiterals(k, ENGINE.toLiteral(v, types.get(k))));
    return out.build();
  }

  private static LiteralMap outputs(AdminServiceBlockingStub admin, WorkflowExecutionIdentifier id) {
    return admin.getExecutionData(WorkflowExecutionGetDataRequest.newBuilder().setId(id).build()).getFullOutputs();
  }

  private static Map<String, Phase> phases(AdminServiceBlockingStub admin, WorkflowExecutionIdentifier id,
      String parent) {
    return admin.listNodeExecutions(NodeExecutionListRequest.newBuilder().setWorkflowExecutionId(id)
        .setUniqueParentId(parent).setLimit(100).build()).getNodeExecutionsList().stream()
        .filter(n -> !n.getId().getNodeId().equals("start-node") && !n.getId().getNodeId().equals("end-node"))
        .collect(Collectors.toMap(n -> n.getId().getNodeId(), n -> n.getClosure().getPhase()));
  }
}
