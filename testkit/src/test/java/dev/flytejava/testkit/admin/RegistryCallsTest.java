package dev.flytejava.testkit.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flyteidl.admin.Common.NamedEntityIdentifier;
import flyteidl.admin.Common.NamedEntityIdentifierListRequest;
import flyteidl.admin.Common.ObjectGetRequest;
import flyteidl.admin.Common.ResourceListRequest;
import flyteidl.admin.LaunchPlanOuterClass.ActiveLaunchPlanRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanState;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanUpdateRequest;
import flyteidl.admin.TaskOuterClass.TaskCreateRequest;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.service.AdminServiceGrpc;
import flyteidl.service.AdminServiceGrpc.AdminServiceBlockingStub;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The read side of registration: gets, lists with paging and filters, named ids, launch plan activation. */
class RegistryCallsTest {
  @RegisterExtension
  static final TestAdminExtension ADMIN = new TestAdminExtension();

  private final AdminServiceBlockingStub admin = AdminServiceGrpc.newBlockingStub(ADMIN.channel());

  @BeforeAll
  static void registerModernTwice() {
    AdminServiceBlockingStub admin = AdminServiceGrpc.newBlockingStub(ADMIN.channel());
    for (String version : List.of("v1", "v2")) {
      for (GoldenSpecs.Spec spec : GoldenSpecs.read("modern")) {
        GoldenSpecs.register(admin, GoldenSpecs.hydration(version).hydrate(spec.message()));
      }
    }
  }

  @Test
  void listsPageNewestFirstAndFilter() {
    NamedEntityIdentifier lineTotal = named("orders.tasks.line_total");
    var first = admin.listTasks(ResourceListRequest.newBuilder().setId(lineTotal).setLimit(1).build());
    assertEquals("v2", first.getTasks(0).getId().getVersion(), "newest first");
    var second = admin.listTasks(ResourceListRequest.newBuilder().setId(lineTotal).setLimit(1)
        .setToken(first.getToken()).build());
    assertEquals("v1", second.getTasks(0).getId().getVersion());
    assertEquals("", second.getToken(), "no more pages");
    var filtered = admin.listTasks(ResourceListRequest.newBuilder().setId(named("")).setLimit(100)
        .setFilters("eq(version,v1)+eq(task.name,orders.tasks.summarize)").build());
    assertEquals(1, filtered.getTasksCount());
    StatusRuntimeException bad = assertThrows(StatusRuntimeException.class, () -> admin.listTasks(
        ResourceListRequest.newBuilder().setId(lineTotal).setLimit(10).setFilters("about(version)").build()));
    assertEquals(Status.Code.INVALID_ARGUMENT, bad.getStatus().getCode());
    StatusRuntimeException noLimit = assertThrows(StatusRuntimeException.class,
        () -> admin.listTasks(ResourceListRequest.newBuilder().setId(lineTotal).build()));
    assertEquals("invalid value for limit", noLimit.getStatus().getDescription());
    var ids = admin.listWorkflowIds(NamedEntityIdentifierListRequest.newBuilder().setProject(GoldenSpecs.PROJECT)
        .setDomain(GoldenSpecs.DOMAIN).setLimit(100).build());
    assertEquals(2, ids.getEntitiesCount(), "one id per name, whatever the versions");
  }

  @Test
  void activatingALaunchPlanVersionDeactivatesTheOthers() {
    NamedEntityIdentifier nightly = named("nightly_orders");
    StatusRuntimeException none = assertThrows(StatusRuntimeException.class,
        () -> admin.getActiveLaunchPlan(ActiveLaunchPlanRequest.newBuilder().setId(nightly).build()));
    assertEquals(Status.Code.NOT_FOUND, none.getStatus().getCode());
    for (String version : List.of("v1", "v2")) {
      admin.updateLaunchPlan(LaunchPlanUpdateRequest.newBuilder().setId(id(ResourceType.LAUNCH_PLAN,
          "nightly_orders", version)).setState(LaunchPlanState.ACTIVE).build());
      assertEquals(version, admin.getActiveLaunchPlan(ActiveLaunchPlanRequest.newBuilder().setId(nightly).build())
          .getId().getVersion());
    }
    assertEquals(LaunchPlanState.INACTIVE, admin.getLaunchPlan(ObjectGetRequest.newBuilder()
        .setId(id(ResourceType.LAUNCH_PLAN, "nightly_orders", "v1")).build()).getClosure().getState());
  }

  @Test
  void getsAndCreatesNameWhatIsWrong() {
    StatusRuntimeException missing = assertThrows(StatusRuntimeException.class, () -> admin.getTask(
        ObjectGetRequest.newBuilder().setId(id(ResourceType.TASK, "orders.tasks.nope", "v1")).build()));
    assertEquals(Status.Code.NOT_FOUND, missing.getStatus().getCode());
    assertTrue(missing.getStatus().getDescription().contains("orders.tasks.nope"));

    TaskSpec spec = (TaskSpec) GoldenSpecs.hydration("v3").hydrate(GoldenSpecs.read("modern").get(0).message());
    StatusRuntimeException type = assertThrows(StatusRuntimeException.class, () -> admin.createTask(
        TaskCreateRequest.newBuilder().setId(spec.getTemplate().getId().toBuilder()
            .setResourceType(ResourceType.WORKFLOW)).setSpec(spec).build()));
    assertTrue(type.getStatus().getDescription().startsWith("unexpected resource type workflow"),
        type.getStatus().getDescription());
    StatusRuntimeException project = assertThrows(StatusRuntimeException.class, () -> admin.createTask(
        TaskCreateRequest.newBuilder().setId(spec.getTemplate().getId().toBuilder().setProject("elsewhere"))
            .setSpec(spec).build()));
    assertEquals(Status.Code.INVALID_ARGUMENT, project.getStatus().getCode());
    assertTrue(project.getStatus().getDescription().contains("project [elsewhere] not found"));
  }

  @Test
  void aScheduledLaunchPlanNeedsADatetimeKickoffInputAndValuesForTheRest() {
    var nightly = (flyteidl.admin.LaunchPlanOuterClass.LaunchPlan) GoldenSpecs.hydration("v4")
        .hydrate(GoldenSpecs.read("modern").get(11).message());
    var b = nightly.toBuilder();
    b.getSpecBuilder().getWorkflowIdBuilder().setVersion("v1");
    b.getSpecBuilder().getEntityMetadataBuilder().getScheduleBuilder().setKickoffTimeInputArg("order");
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> GoldenSpecs.register(admin, b.build()));
    assertEquals("KickoffTimeInputArg must reference a datetime input. [order] is a STRUCT",
        e.getStatus().getDescription());
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
  }

  private static NamedEntityIdentifier named(String name) {
    return NamedEntityIdentifier.newBuilder().setProject(GoldenSpecs.PROJECT).setDomain(GoldenSpecs.DOMAIN)
        .setName(name).build();
  }

  private static Identifier id(ResourceType type, String name, String version) {
    return Identifier.newBuilder().setResourceType(type).setProject(GoldenSpecs.PROJECT)
        .setDomain(GoldenSpecs.DOMAIN).setName(name).setVersion(version).build();
  }
}
