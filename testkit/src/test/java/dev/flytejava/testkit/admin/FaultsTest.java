package dev.flytejava.testkit.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import flyteidl.admin.ProjectOuterClass.Project;
import flyteidl.admin.ProjectOuterClass.ProjectListRequest;
import flyteidl.admin.ProjectOuterClass.ProjectRegisterRequest;
import flyteidl.admin.VersionOuterClass.GetVersionRequest;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The ready-made faults: a dropped reply after the work is done, and a delay that outlives a deadline. */
class FaultsTest {
  @RegisterExtension
  static final TestAdminExtension ADMIN = new TestAdminExtension(b -> b
      .intercept(Faults.dropReply("RegisterProject", 1), Faults.delay("GetVersion", Duration.ofMillis(500))));

  private final AdminServiceGrpc.AdminServiceBlockingStub admin = AdminServiceGrpc.newBlockingStub(ADMIN.channel());

  @Test
  void aDroppedReplyLeavesTheWorkDone() {
    ProjectRegisterRequest request = ProjectRegisterRequest.newBuilder()
        .setProject(Project.newBuilder().setId("dropped").setName("dropped")).build();
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> admin.registerProject(request));
    assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode());
    assertEquals(2, admin.listProjects(ProjectListRequest.getDefaultInstance()).getProjectsCount(),
        "the project was registered although the reply was lost");
    StatusRuntimeException again = assertThrows(StatusRuntimeException.class, () -> admin.registerProject(request));
    assertEquals(Status.Code.ALREADY_EXISTS, again.getStatus().getCode());
  }

  @Test
  void aDelayedCallMissesAShortDeadline() {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> admin
        .withDeadlineAfter(100, TimeUnit.MILLISECONDS).getVersion(GetVersionRequest.getDefaultInstance()));
    assertEquals(Status.Code.DEADLINE_EXCEEDED, e.getStatus().getCode());
  }
}
