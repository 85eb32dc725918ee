package dev.flytejava.testkit.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.runtime.storage.Storage;
import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionSpec;
import flyteidl.admin.ExecutionOuterClass.ExecutionTerminateRequest;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetRequest;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecutionListRequest;
import flyteidl.admin.TaskOuterClass.TaskCreateRequest;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Tasks.Container;
import flyteidl.core.Tasks.TaskMetadata;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.service.AdminServiceGrpc;
import flyteidl.service.AdminServiceGrpc.AdminServiceBlockingStub;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ProcessLauncher's failure and abort paths, with shell commands as raw container tasks (single-task runs). */
class ProcessLauncherTest {
  @Test
  void aFailingTaskFailsItsNodeAndTheExecutionWithTheLogTailAndAnAbortKillsIt(@TempDir Path dir) throws Exception {
    try (Storage storage = Storage.create(); TestAdmin server = TestAdmin.builder()
        .executions(new ProcessLauncher(storage, Path.of("/bin"), dir, Duration.ofMinutes(1))).start()) {
      AdminServiceBlockingStub admin = AdminServiceGrpc.newBlockingStub(server.channel());
      Identifier fails = register(admin, "fails", "echo about to fail on {{ .input }}; exit 3");
      Identifier sleeps = register(admin, "sleeps", "sleep 60");

      Execution failed = await(admin, run(admin, fails, "f1"), WorkflowExecution.Phase.FAILED);
      String message = failed.getClosure().getError().getMessage();
      assertEquals("ExitCode3", failed.getClosure().getError().getCode());
      assertTrue(message.contains("exited with 3") && message.contains("about to fail on file:"), message);
      var nodes = admin.listNodeExecutions(NodeExecutionListRequest.newBuilder().setWorkflowExecutionId(
          failed.getId()).setLimit(10).build());
      assertEquals(flyteidl.core.Execution.NodeExecution.Phase.FAILED, nodes.getNodeExecutions(0).getClosure()
          .getPhase());

      WorkflowExecutionIdentifier slow = run(admin, sleeps, "s1");
      await(admin, slow, WorkflowExecution.Phase.RUNNING);
      admin.terminateExecution(ExecutionTerminateRequest.newBuilder().setId(slow).setCause("enough").build());
      Execution aborted = await(admin, slow, WorkflowExecution.Phase.ABORTED);
      assertEquals("enough", aborted.getClosure().getAbortMetadata().getCause());
    }
  }

  private static Identifier register(AdminServiceBlockingStub admin, String name, String script) {
    Identifier id = Identifier.newBuilder().setResourceType(ResourceType.TASK).setProject("flytesnacks")
        .setDomain("development").setName(name).setVersion("v1").build();
    admin.createTask(TaskCreateRequest.newBuilder().setId(id).setSpec(TaskSpec.newBuilder().setTemplate(
        TaskTemplate.newBuilder().setId(id).setType("raw-container").setMetadata(TaskMetadata.getDefaultInstance())
            .setInterface(TypedInterface.getDefaultInstance())
            .setContainer(Container.newBuilder().setImage("debian").addCommand("sh").addArgs("-c").addArgs(script))))
        .build());
    return id;
  }

  private static WorkflowExecutionIdentifier run(AdminServiceBlockingStub admin, Identifier task, String name) {
    return admin.createExecution(ExecutionCreateRequest.newBuilder().setProject("flytesnacks")
        .setDomain("development").setName(name).setSpec(ExecutionSpec.newBuilder().setLaunchPlan(task)).build())
        .getId();
  }

  private static Execution await(AdminServiceBlockingStub admin, WorkflowExecutionIdentifier id,
      WorkflowExecution.Phase phase) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (true) {
      Execution e = admin.getExecution(WorkflowExecutionGetRequest.newBuilder().setId(id).build());
      if (e.getClosure().getPhase() == phase) {
        return e;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("still " + e.getClosure().getPhase() + ", not " + phase + ": " + e.getClosure());
      }
      Thread.sleep(50);
    }
  }
}
