package dev.flytejava.testkit.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.util.Timestamps;
import dev.flytejava.runtime.storage.StorageUri;
import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionSpec;
import flyteidl.admin.ExecutionOuterClass.ExecutionTerminateRequest;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetDataRequest;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetRequest;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionGetDataRequest;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionListRequest;
import flyteidl.admin.TaskExecutionOuterClass.TaskExecutionListRequest;
import flyteidl.core.Execution.NodeExecution;
import flyteidl.core.Execution.TaskExecution;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.NodeExecutionIdentifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import flyteidl.event.Event.NodeExecutionEvent;
import flyteidl.event.Event.ParentNodeExecutionMetadata;
import flyteidl.event.Event.TaskExecutionEvent;
import flyteidl.event.Event.WorkflowExecutionEvent;
import flyteidl.service.AdminServiceGrpc;
import flyteidl.service.AdminServiceGrpc.AdminServiceBlockingStub;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * FlyteAdmin's side of executions: CreateExecution checks and merges the inputs, writes inputs.pb and launches;
 * the launcher's events (here sent by the test, in propeller's order) become the records Get/List serve.
 */
class ExecutionsTest {
  private static final List<ExecutionLauncher.Launch> LAUNCHED = new ArrayList<>();
  private static final List<String> ABORTED = new ArrayList<>();
  private static volatile ExecutionLauncher.Events events;

  @RegisterExtension
  static final TestAdminExtension ADMIN = new TestAdminExtension(b -> b.executions((launch, sink) -> {
    LAUNCHED.add(launch);
    events = sink;
    return ABORTED::add;
  }));

  private final AdminServiceBlockingStub admin = AdminServiceGrpc.newBlockingStub(ADMIN.channel());

  @BeforeAll
  static void registerTheLaunchPlanExamples() {
    AdminServiceBlockingStub admin = AdminServiceGrpc.newBlockingStub(ADMIN.channel());
    for (GoldenSpecs.Spec spec : GoldenSpecs.read("snacks-core")) {
      if (spec.file().compareTo("119") >= 0 && spec.file().compareTo("124") < 0) {
        GoldenSpecs.register(admin, GoldenSpecs.hydration("v1").hydrate(spec.message()));
      }
    }
  }

  @Test
  void inputsAreCheckedAgainstTheLaunchPlan() {
    assertRejected("always_2_lp", Map.of("val", integer(3)), "val cannot be overridden");
    assertRejected("core.flyte_basics.lp.my_wf", Map.of("nope", integer(1)), "invalid input nope");
    assertRejected("core.flyte_basics.lp.my_wf", Map.of("val", string("three")),
        "wrong type for val. Expected INTEGER, but got STRING");
    assertRejected("core.flyte_basics.lp.my_wf", Map.of(), "invalid input val: missing");
    assertEquals(0, LAUNCHED.stream().filter(l -> l.id().getName().startsWith("bad")).count());
  }

  @Test
  void anExecutionIsLaunchedWithMergedInputsAndRecordedFromItsEvents() throws Exception {
    WorkflowExecutionIdentifier id = admin.createExecution(request("default_4_lp", Map.of(), "ok1")).getId();
    assertEquals("ok1", id.getName());
    ExecutionLauncher.Launch launch = LAUNCHED.get(LAUNCHED.size() - 1);
    assertEquals(LiteralMap.newBuilder().putLiterals("val", integer(4)).build(), launch.inputs());
    assertEquals("core.flyte_basics.lp.my_wf", launch.closure().getPrimary().getTemplate().getId().getName());
    assertEquals(launch.inputs(), LiteralMap.parseFrom(ADMIN.admin().storage()
        .read(StorageUri.parse(launch.metadataPrefix()).resolve("inputs.pb"))));
    assertEquals(WorkflowExecution.Phase.UNDEFINED, get(id).getClosure().getPhase());

    long t = System.currentTimeMillis();
    events.workflowEvent(wf(id, WorkflowExecution.Phase.QUEUED, t).build());
    events.workflowEvent(wf(id, WorkflowExecution.Phase.RUNNING, t + 10).build());
    String in = launch.metadataPrefix() + "/n0/data/inputs.pb";
    String out = launch.metadataPrefix() + "/n0/data/0/outputs.pb";
    events.nodeEvent(node(id, "n0", NodeExecution.Phase.RUNNING, t + 20).setInputUri(in).build());
    events.taskEvent(task(id, "n0", TaskExecution.Phase.RUNNING, t + 30).build());
    events.taskEvent(task(id, "n0", TaskExecution.Phase.SUCCEEDED, t + 40).setOutputUri(out).build());
    events.nodeEvent(node(id, "n0", NodeExecution.Phase.SUCCEEDED, t + 50).setOutputUri(out).build());
    events.nodeEvent(node(id, "n0-0-n1", NodeExecution.Phase.SUCCEEDED, t + 45)
        .setParentNodeMetadata(ParentNodeExecutionMetadata.newBuilder().setNodeId("n0")).build());
    LiteralMap outputs = LiteralMap.newBuilder().putLiterals("o0", integer(16)).build();
    ADMIN.admin().storage().write(StorageUri.parse(out), outputs.toByteArray());
    events.workflowEvent(wf(id, WorkflowExecution.Phase.SUCCEEDED, t + 60).setOutputUri(out).build());
    events.workflowEvent(wf(id, WorkflowExecution.Phase.FAILED, t + 70).build());

    Execution done = get(id);
    assertEquals(WorkflowExecution.Phase.SUCCEEDED, done.getClosure().getPhase(), "events after the end are dropped");
    assertEquals(50, done.getClosure().getDuration().getNanos() / 1_000_000);
    assertEquals(out, done.getClosure().getOutputs().getUri());
    var data = admin.getExecutionData(WorkflowExecutionGetDataRequest.newBuilder().setId(id).build());
    assertEquals(outputs, data.getFullOutputs());
    assertEquals(launch.inputs(), data.getFullInputs());

    var top = admin.listNodeExecutions(NodeExecutionListRequest.newBuilder().setWorkflowExecutionId(id)
        .setLimit(100).build());
    assertEquals(List.of("n0"), top.getNodeExecutionsList().stream().map(n -> n.getId().getNodeId()).toList());
    assertEquals(NodeExecution.Phase.SUCCEEDED, top.getNodeExecutions(0).getClosure().getPhase());
    assertEquals(in, top.getNodeExecutions(0).getInputUri());
    var children = admin.listNodeExecutions(NodeExecutionListRequest.newBuilder().setWorkflowExecutionId(id)
        .setUniqueParentId("n0").setLimit(100).build());
    assertEquals(List.of("n0-0-n1"), children.getNodeExecutionsList().stream().map(n -> n.getId().getNodeId())
        .toList());
    NodeExecutionIdentifier n0 = NodeExecutionIdentifier.newBuilder().setExecutionId(id).setNodeId("n0").build();
    assertEquals(outputs, admin.getNodeExecutionData(NodeExecutionGetDataRequest.newBuilder().setId(n0).build())
        .getFullOutputs());
    var attempts = admin.listTaskExecutions(TaskExecutionListRequest.newBuilder().setNodeExecutionId(n0)
        .setLimit(10).build());
    assertEquals(1, attempts.getTaskExecutionsCount());
    assertEquals(TaskExecution.Phase.SUCCEEDED, attempts.getTaskExecutions(0).getClosure().getPhase());

    StatusRuntimeException again = assertThrows(StatusRuntimeException.class,
        () -> admin.createExecution(request("default_4_lp", Map.of(), "ok1")));
    assertEquals(Status.Code.ALREADY_EXISTS, again.getStatus().getCode());
    StatusRuntimeException ended = assertThrows(StatusRuntimeException.class, () -> admin.terminateExecution(
        ExecutionTerminateRequest.newBuilder().setId(id).setCause("late").build()));
    assertEquals(Status.Code.FAILED_PRECONDITION, ended.getStatus().getCode());
  }

  @Test
  void aTaskRunsAsFlyteAdminsGeneratedOneNodeWorkflow() {
    Identifier square = Identifier.newBuilder().setResourceType(ResourceType.TASK).setProject(GoldenSpecs.PROJECT)
        .setDomain(GoldenSpecs.DOMAIN).setName("core.flyte_basics.lp.square").setVersion("v1").build();
    ExecutionCreateRequest.Builder request = request("unused", Map.of("val", integer(5)), "task1").toBuilder();
    request.getSpecBuilder().setLaunchPlan(square);
    admin.createExecution(request.build());
    ExecutionLauncher.Launch launch = LAUNCHED.get(LAUNCHED.size() - 1);
    assertEquals(".flytegen.core.flyte_basics.lp.square", launch.closure().getPrimary().getTemplate().getId().getName());
    assertEquals(List.of("start-node", "end-node", "core-flyte-basics-lp-square"), launch.closure().getPrimary()
        .getTemplate().getNodesList().stream().map(n -> n.getId()).toList());
    assertEquals(LiteralMap.newBuilder().putLiterals("val", integer(5)).build(), launch.inputs());
    request.setName("task2").clearInputs();
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> admin.createExecution(request.build()));
    assertTrue(e.getStatus().getDescription().contains("invalid input val: missing"), e.getStatus().getDescription());
  }

  @Test
  void terminateAbortsARunningExecution() {
    WorkflowExecutionIdentifier id = admin.createExecution(request("default_4_lp", Map.of(), "")).getId();
    assertTrue(id.getName().matches("a[a-z0-9]{19}"), id.getName());
    admin.terminateExecution(ExecutionTerminateRequest.newBuilder().setId(id).setCause("stop it").build());
    assertTrue(ABORTED.contains("stop it"));
    Execution aborting = get(id);
    assertEquals(WorkflowExecution.Phase.ABORTING, aborting.getClosure().getPhase());
    assertEquals("stop it", aborting.getClosure().getAbortMetadata().getCause());
  }

  private void assertRejected(String launchPlan, Map<String, Literal> inputs, String expected) {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> admin.createExecution(request(launchPlan, inputs, "bad" + LAUNCHED.size())));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), e.getStatus().toString());
    assertTrue(e.getStatus().getDescription().contains(expected), e.getStatus().getDescription());
  }

  private Execution get(WorkflowExecutionIdentifier id) {
    return admin.getExecution(WorkflowExecutionGetRequest.newBuilder().setId(id).build());
  }

  private static ExecutionCreateRequest request(String launchPlan, Map<String, Literal> inputs, String name) {
    return ExecutionCreateRequest.newBuilder().setProject(GoldenSpecs.PROJECT).setDomain(GoldenSpecs.DOMAIN)
        .setName(name).setInputs(LiteralMap.newBuilder().putAllLiterals(inputs))
        .setSpec(ExecutionSpec.newBuilder().setLaunchPlan(Identifier.newBuilder()
            .setResourceType(ResourceType.LAUNCH_PLAN).setProject(GoldenSpecs.PROJECT).setDomain(GoldenSpecs.DOMAIN)
            .setName(launchPlan).setVersion("v1")))
        .build();
  }

  private static WorkflowExecutionEvent.Builder wf(WorkflowExecutionIdentifier id, WorkflowExecution.Phase phase,
      long millis) {
    return WorkflowExecutionEvent.newBuilder().setExecutionId(id).setPhase(phase)
        .setOccurredAt(Timestamps.fromMillis(millis));
  }

  private static NodeExecutionEvent.Builder node(WorkflowExecutionIdentifier id, String node,
      NodeExecution.Phase phase, long millis) {
    return NodeExecutionEvent.newBuilder().setId(NodeExecutionIdentifier.newBuilder().setExecutionId(id)
        .setNodeId(node)).setPhase(phase).setOccurredAt(Timestamps.fromMillis(millis));
  }

  private static TaskExecutionEvent.Builder task(WorkflowExecutionIdentifier id, String node,
      TaskExecution.Phase phase, long millis) {
    return TaskExecutionEvent.newBuilder().setParentNodeExecutionId(NodeExecutionIdentifier.newBuilder()
        .setExecutionId(id).setNodeId(node)).setTaskId(Identifier.newBuilder().setResourceType(ResourceType.TASK)
        .setProject(GoldenSpecs.PROJECT).setDomain(GoldenSpecs.DOMAIN).setName("core.flyte_basics.lp.square")
        .setVersion("v1")).setPhase(phase).setOccurredAt(Timestamps.fromMillis(millis));
  }

  private static Literal integer(long v) {
    return Literal.newBuilder().setScalar(Scalar.newBuilder().setPrimitive(Primitive.newBuilder().setInteger(v)))
        .build();
  }

  private static Literal string(String v) {
    return Literal.newBuilder().setScalar(Scalar.newBuilder().setPrimitive(Primitive.newBuilder()
        .setStringValue(v))).build();
  }
}
