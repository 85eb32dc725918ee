package dev.flytejava.testkit.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;
import flyteidl.core.Workflow.Node;
import flyteidl.service.AdminServiceGrpc;
import flyteidl.service.AdminServiceGrpc.AdminServiceBlockingStub;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Compile errors inside map (array), subworkflow and branch nodes of the modern golden set, named by node. */
class CompileErrorsTest {
  @RegisterExtension
  static final TestAdminExtension ADMIN = new TestAdminExtension();

  private static List<GoldenSpecs.Spec> modern;
  private final AdminServiceBlockingStub admin = AdminServiceGrpc.newBlockingStub(ADMIN.channel());

  @BeforeAll
  static void registerTheTasks() {
    modern = GoldenSpecs.read("modern");
    AdminServiceBlockingStub admin = AdminServiceGrpc.newBlockingStub(ADMIN.channel());
    for (GoldenSpecs.Spec spec : modern) {
      if (spec.kind() == '1') {
        GoldenSpecs.register(admin, GoldenSpecs.hydration("v1").hydrate(spec.message()));
      }
    }
  }

  @Test
  void aMapNodeFedAStructWhereItMapsOverAList() {
    WorkflowSpec.Builder wf = workflow("07_orders.workflows.price_order_2.pb");
    wf.getTemplateBuilder().getNodesBuilder(1).getInputsBuilder(0).getBindingBuilder().getPromiseBuilder()
        .setNodeId("").setVar("order");
    String message = reject(wf);
    assertTrue(message.contains("Code: MismatchingTypes, Node Id: n1"), message);
    assertTrue(message.contains("'start-node.order' has type [STRUCT]") && message.contains("'n1.item' which has "
        + "type type [collection(STRUCT)]"), message);
  }

  @Test
  void aSubworkflowNodeAndABranchInsideAWorkflow() {
    WorkflowSpec.Builder wf = workflow("09_orders.workflows.process_order_2.pb");
    var template = wf.getTemplateBuilder();
    template.getNodesBuilder(0).getInputsBuilder(0).getBindingBuilder().getPromiseBuilder().setVar("region");
    Node.Builder branch = template.getNodesBuilder(2);
    branch.getBranchNodeBuilder().getIfElseBuilder().getCaseBuilder().getThenNodeBuilder().getInputsBuilder(0)
        .getBindingBuilder().getPromiseBuilder().setNodeId("n9");
    String message = reject(wf);
    assertTrue(message.contains("Collected Errors: 2"), message);
    assertTrue(message.contains("Node Id: n0, Description: The output variable 'start-node.region' has type [enum[eu, us, apac]]"),
        message);
    assertTrue(message.contains("Code: NodeReferenceNotFound, Node Id: n2-n0"), "inner nodes go by propeller's "
        + "prefixed ids: " + message);
  }

  @Test
  void aConditionReadingAnInputTheBranchDoesNotBind() {
    WorkflowSpec.Builder wf = workflow("09_orders.workflows.process_order_2.pb");
    Node.Builder branch = wf.getTemplateBuilder().getNodesBuilder(2);
    branch.removeInputs(0); // .threshold, which the condition compares with
    String message = reject(wf);
    assertTrue(message.contains("Code: VariableNameNotFound, Node Id: n2, Description: Variable [.threshold] not "
        + "found on node [n2]."), message);
  }

  private WorkflowSpec.Builder workflow(String file) {
    WorkflowSpec spec = (WorkflowSpec) modern.stream().filter(s -> s.file().equals(file)).findFirst().orElseThrow()
        .message();
    return GoldenSpecs.hydration("v1").hydrate(spec).toBuilder();
  }

  private String reject(WorkflowSpec.Builder wf) {
    if (wf.getSubWorkflowsCount() == 0 && wf.getTemplate().getNodesList().stream().anyMatch(Node::hasWorkflowNode)) {
      throw new IllegalStateException("the golden spec carries its subworkflows");
    }
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> GoldenSpecs.register(admin, wf.build()));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), e.getStatus().toString());
    return e.getStatus().getDescription();
  }
}
