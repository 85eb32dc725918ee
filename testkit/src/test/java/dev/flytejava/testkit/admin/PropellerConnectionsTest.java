package dev.flytejava.testkit.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.util.JsonFormat;
import flyteidl.admin.Common.ObjectGetRequest;
import flyteidl.core.Compiler.CompiledWorkflow;
import flyteidl.core.Compiler.CompiledWorkflowClosure;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Workflow.Node;
import flyteidl.service.AdminServiceGrpc;
import flyteidl.service.AdminServiceGrpc.AdminServiceBlockingStub;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The testkit's compiler against FlytePropeller's: for every workflow of snacks-core that propeller compiled
 * (golden/snacks-core/compiled), the closure FlyteAdmin stores has the same node ids (start and end nodes
 * included), the same upstream and downstream connections and the same tasks.
 */
class PropellerConnectionsTest {
  @RegisterExtension
  static final TestAdminExtension ADMIN = new TestAdminExtension();

  @BeforeAll
  static void registerSnacks() {
    AdminServiceBlockingStub admin = AdminServiceGrpc.newBlockingStub(ADMIN.channel());
    for (GoldenSpecs.Spec spec : GoldenSpecs.read("snacks-core")) {
      GoldenSpecs.register(admin, GoldenSpecs.hydration("v1").hydrate(spec.message()));
    }
  }

  @Test
  void connectionsNodesAndTasksMatchPropellersCompiledClosures() throws IOException, URISyntaxException {
    AdminServiceBlockingStub admin = AdminServiceGrpc.newBlockingStub(ADMIN.channel());
    Path dir = Path.of(getClass().getResource("/golden/snacks-core/compiled").toURI());
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.sorted().toList();
    }
    assertEquals(43, files.size());
    for (Path file : files) {
      CompiledWorkflowClosure.Builder propeller = CompiledWorkflowClosure.newBuilder();
      JsonFormat.parser().ignoringUnknownFields().merge(Files.readString(file), propeller);
      String name = propeller.getPrimary().getTemplate().getId().getName();
      CompiledWorkflowClosure ours = admin.getWorkflow(ObjectGetRequest.newBuilder().setId(Identifier.newBuilder()
          .setResourceType(ResourceType.WORKFLOW).setProject(GoldenSpecs.PROJECT).setDomain(GoldenSpecs.DOMAIN)
          .setName(name).setVersion("v1")).build()).getClosure().getCompiledWorkflow();
      assertSame(file + " primary", propeller.getPrimary(), ours.getPrimary());
      assertEquals(propeller.getSubWorkflowsCount(), ours.getSubWorkflowsCount(), file + " sub-workflows");
      assertEquals(propeller.getTasksList().stream().map(t -> t.getTemplate().getId().getName()).sorted().toList(),
          ours.getTasksList().stream().map(t -> t.getTemplate().getId().getName()).sorted().toList(), file + " tasks");
    }
  }

  private static void assertSame(String what, CompiledWorkflow propeller, CompiledWorkflow ours) {
    assertEquals(propeller.getTemplate().getNodesList().stream().map(Node::getId).toList(),
        ours.getTemplate().getNodesList().stream().map(Node::getId).toList(), what + " node ids");
    assertEquals(propeller.getConnections().getUpstreamMap(), ours.getConnections().getUpstreamMap(),
        what + " upstream");
    assertEquals(propeller.getConnections().getDownstreamMap(), ours.getConnections().getDownstreamMap(),
        what + " downstream");
    assertTrue(ours.getTemplate().getNodesList().stream().flatMap(n -> n.getInputsList().stream())
        .noneMatch(b -> b.getBinding().hasPromise() && b.getBinding().getPromise().getNodeId().isEmpty()),
        what + ": workflow inputs are read from start-node");
  }
}
