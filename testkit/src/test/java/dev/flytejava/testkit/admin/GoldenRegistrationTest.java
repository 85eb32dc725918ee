package dev.flytejava.testkit.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Message;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import flyteidl.service.AdminServiceGrpc;
import flyteidl.service.AdminServiceGrpc.AdminServiceBlockingStub;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Acceptance 1 of issue 11: every spec of both golden sets registers in file order, and corrupted copies of each
 * kind are rejected with FlyteAdmin's status code and a message naming the problem.
 */
class GoldenRegistrationTest {
  @RegisterExtension
  static final TestAdminExtension ADMIN = new TestAdminExtension();

  private final AdminServiceBlockingStub admin = AdminServiceGrpc.newBlockingStub(ADMIN.channel());

  @Test
  void everySpecOfBothGoldenSetsRegistersInFileOrderThenCorruptedCopiesAreRejected() {
    int[] snacks = registerAll("snacks-core", "snacks-v1");
    assertEquals(List.of(87, 45, 51), List.of(snacks[0], snacks[1], snacks[2]), "snacks-core tasks, workflows, launch plans");
    int[] modern = registerAll("modern", "modern-v1");
    assertEquals(List.of(7, 2, 3), List.of(modern[0], modern[1], modern[2]), "modern tasks, workflows, launch plans");
    TestAdmin server = ADMIN.admin();
    assertEquals(87 + 7, server.tasks());
    assertEquals(45 + 2, server.workflows());
    assertEquals(51 + 3, server.launchPlans());

    // the same specs again: each one ALREADY_EXISTS, nothing new is stored
    int identical = 0;
    for (GoldenSpecs.Spec spec : GoldenSpecs.read("modern")) {
      StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
          () -> GoldenSpecs.register(admin, GoldenSpecs.hydration("modern-v1").hydrate(spec.message())));
      assertEquals(Status.Code.ALREADY_EXISTS, e.getStatus().getCode(), spec.file());
      assertTrue(e.getStatus().getDescription().contains("identical structure already exists"), spec.file());
      identical++;
    }
    assertEquals(12, identical);
    assertEquals(87 + 7, server.tasks());

    List<String> rejected = new ArrayList<>();
    List<GoldenSpecs.Spec> golden = GoldenSpecs.read("snacks-core");
    TaskSpec t1 = (TaskSpec) find(golden, "083_core.flyte_basics.basic_workflow.t1_1.pb");
    WorkflowSpec myWf = (WorkflowSpec) find(golden, "085_core.flyte_basics.basic_workflow.my_wf_2.pb");
    Message lp = find(golden, "086_core.flyte_basics.basic_workflow.my_wf_3.pb");

    // missing identifier fields, one per field and kind
    rejected.add(reject(Status.Code.INVALID_ARGUMENT, "missing project",
        hydrated(t1, "v2", m -> withId(m, id -> id.toBuilder().setProject("").build()))));
    rejected.add(reject(Status.Code.INVALID_ARGUMENT, "missing domain",
        hydrated(myWf, "v2", m -> withId(m, id -> id.toBuilder().setDomain("").build()))));
    rejected.add(reject(Status.Code.INVALID_ARGUMENT, "missing name",
        hydrated(t1, "v2", m -> withId(m, id -> id.toBuilder().setName("").build()))));
    rejected.add(reject(Status.Code.INVALID_ARGUMENT, "missing version",
        hydrated(lp, "v2", m -> withId(m, id -> id.toBuilder().setVersion("").build()))));

    // a workflow that refers to a task nobody registered
    WorkflowSpec.Builder unknownTask = asNewVersion(myWf, "v2");
    unknownTask.getTemplateBuilder().getNodesBuilder(0).getTaskNodeBuilder().getReferenceIdBuilder()
        .setName("core.flyte_basics.basic_workflow.never_registered");
    rejected.add(reject(Status.Code.NOT_FOUND, "core.flyte_basics.basic_workflow.never_registered",
        unknownTask.build()));

    // a binding type mismatch: the workflow's input a becomes a string, the task t1 still takes an int
    WorkflowSpec.Builder mismatch = asNewVersion(myWf, "v3");
    mismatch.getTemplateBuilder().getInterfaceBuilder().getInputsBuilder().putVariables("a",
        mismatch.getTemplate().getInterface().getInputs().getVariablesOrThrow("a").toBuilder()
            .setType(LiteralType.newBuilder().setSimple(SimpleType.STRING)).build());
    String typeError = reject(Status.Code.INVALID_ARGUMENT, "MismatchingTypes", mismatch.build());
    assertTrue(typeError.contains("[STRING]") && typeError.contains("[INTEGER]") && typeError.contains("n0.a"),
        typeError);
    rejected.add(typeError);

    // a cycle: n0 also waits for n1, which reads n0's output
    WorkflowSpec.Builder cycle = asNewVersion(myWf, "v4");
    cycle.getTemplateBuilder().getNodesBuilder(0).addUpstreamNodeIds("n1");
    String cycleError = reject(Status.Code.INVALID_ARGUMENT, "CycleDetected", cycle.build());
    assertTrue(cycleError.contains("n0->n1->n0") || cycleError.contains("n1->n0->n1"), cycleError);
    rejected.add(cycleError);

    // a changed spec under a registered version, one per kind
    TaskSpec.Builder changedTask = GoldenSpecs.hydration("snacks-v1").hydrate(t1).toBuilder();
    changedTask.getTemplateBuilder().getContainerBuilder().setImage("ghcr.io/flyteorg/flytecookbook:other");
    String changed = reject(Status.Code.INVALID_ARGUMENT,
        "core.flyte_basics.basic_workflow.t1 task with different structure already exists", changedTask.build());
    assertTrue(changed.contains("/template/container/image:") && changed.contains("flytecookbook:other"), changed);
    rejected.add(changed);
    WorkflowSpec.Builder changedWf = GoldenSpecs.hydration("snacks-v1").hydrate(myWf).toBuilder();
    changedWf.getTemplateBuilder().getMetadataBuilder().getQualityOfServiceBuilder()
        .setTier(flyteidl.core.Execution.QualityOfService.Tier.HIGH);
    rejected.add(reject(Status.Code.INVALID_ARGUMENT,
        "core.flyte_basics.basic_workflow.my_wf workflow with different structure already exists", changedWf.build()));
    var changedLp = ((flyteidl.admin.LaunchPlanOuterClass.LaunchPlan) GoldenSpecs.hydration("snacks-v1").hydrate(lp))
        .toBuilder();
    changedLp.getSpecBuilder().setMaxParallelism(7);
    rejected.add(reject(Status.Code.INVALID_ARGUMENT,
        "core.flyte_basics.basic_workflow.my_wf launch plan with different structure already exists",
        changedLp.build()));

    assertEquals(10, rejected.size());
    assertEquals(87 + 7, server.tasks(), "no rejected task was stored");
    assertEquals(45 + 2, server.workflows(), "no rejected workflow was stored");
    assertEquals(51 + 3, server.launchPlans(), "no rejected launch plan was stored");
  }

  /** Registers the set's specs in file order; counts of tasks, workflows and launch plans created. */
  private int[] registerAll(String set, String version) {
    int[] counts = new int[3];
    for (GoldenSpecs.Spec spec : GoldenSpecs.read(set)) {
      try {
        GoldenSpecs.register(admin, GoldenSpecs.hydration(version).hydrate(spec.message()));
      } catch (StatusRuntimeException e) {
        throw new AssertionError(set + "/" + spec.file() + ": " + e.getStatus(), e);
      }
      counts[spec.kind() - '1']++;
    }
    return counts;
  }

  private String reject(Status.Code code, String expected, Message spec) {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> GoldenSpecs.register(admin, spec));
    assertEquals(code, e.getStatus().getCode(), e.getStatus().toString());
    String message = e.getStatus().getDescription();
    assertTrue(message.contains(expected), "expected '" + expected + "' in: " + message);
    return message;
  }

  private static Message find(List<GoldenSpecs.Spec> specs, String file) {
    return specs.stream().filter(s -> s.file().equals(file)).findFirst().orElseThrow().message();
  }

  /** The workflow under a new version, its tasks still the registered ones. */
  private static WorkflowSpec.Builder asNewVersion(WorkflowSpec wf, String version) {
    WorkflowSpec.Builder b = GoldenSpecs.hydration("snacks-v1").hydrate(wf).toBuilder();
    b.getTemplateBuilder().getIdBuilder().setVersion(version);
    return b;
  }

  private static Message hydrated(Message spec, String version, UnaryOperator<Message> corrupt) {
    return corrupt.apply(GoldenSpecs.hydration(version).hydrate(spec));
  }

  private static Message withId(Message spec, UnaryOperator<Identifier> change) {
    if (spec instanceof TaskSpec t) {
      TaskSpec.Builder b = t.toBuilder();
      b.getTemplateBuilder().setId(change.apply(t.getTemplate().getId()));
      return b.build();
    }
    if (spec instanceof WorkflowSpec w) {
      WorkflowSpec.Builder b = w.toBuilder();
      b.getTemplateBuilder().setId(change.apply(w.getTemplate().getId()));
      return b.build();
    }
    var lp = (flyteidl.admin.LaunchPlanOuterClass.LaunchPlan) spec;
    return lp.toBuilder().setId(change.apply(lp.getId())).build();
  }
}
