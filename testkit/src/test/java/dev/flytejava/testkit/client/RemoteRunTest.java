package dev.flytejava.testkit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.runtime.remote.AdminCallException;
import dev.flytejava.runtime.remote.AdminClient;
import dev.flytejava.runtime.remote.FlyteConfig;
import dev.flytejava.runtime.remote.FlyteRemoteException;
import dev.flytejava.runtime.remote.RemoteRun;
import dev.flytejava.runtime.remote.RetryPolicy;
import dev.flytejava.runtime.storage.Storage;
import dev.flytejava.testkit.admin.ProcessLauncher;
import dev.flytejava.testkit.admin.TestAdmin;
import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.admin.NodeExecutionOuterClass.NodeExecution;
import flyteidl.admin.TaskOuterClass.TaskCreateRequest;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.Container;
import flyteidl.core.Tasks.TaskMetadata;
import flyteidl.core.Tasks.TaskTemplate;
import io.grpc.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Remote runs on the testkit's process launcher: raw-container tasks (shell scripts) stand in for containers, so
 * what is tested is the client's side: inputs through the TypeEngine, polling, node progress, outputs as Java values.
 */
class RemoteRunTest {
  @Test
  void runsToSucceededAndReturnsTheOutputsAsJavaValues(@TempDir Path dir) throws Exception {
    LiteralMap outputs = LiteralMap.newBuilder()
        .putLiterals("o", Chains.ENGINE.toLiteral(42L, Long.class))
        .putLiterals("s", Chains.ENGINE.toLiteral("hello", String.class)).build();
    String script = writing(outputs);
    try (Storage storage = Storage.create(); TestAdmin admin = TestAdmin.builder()
        .executions(new ProcessLauncher(storage, Path.of("/bin"), dir, Duration.ofMinutes(1))).start();
         AdminClient client = connect(admin)) {
      Identifier task = register(client, "answers", script);
      RemoteRun run = new RemoteRun(client, Chains.ENGINE);
      WorkflowExecutionIdentifier id = run.start(task, Map.of("x", 3L), "r1");
      assertEquals(id, RemoteRun.parseId(RemoteRun.format(id)));
      List<String> phases = new ArrayList<>();
      Execution done = run.await(id, Duration.ofSeconds(60), nodes -> nodes.stream()
          .map(NodeExecution::getClosure).forEach(c -> phases.add(c.getPhase().name())));
      assertEquals(Map.of("o", 42L, "s", "hello"), run.outputs(done));
      assertTrue(phases.contains("SUCCEEDED"), "node progress was seen: " + phases);

      AdminCallException wrongType = assertThrows(AdminCallException.class,
          () -> run.start(task, Map.of("x", "three"), "r2"));
      assertEquals(Status.Code.INVALID_ARGUMENT, wrongType.code());
      assertTrue(wrongType.getMessage().contains("x"), wrongType.getMessage());

      Identifier fails = register(client, "fails", "echo broken >&2; exit 3");
      WorkflowExecutionIdentifier failed = run.start(fails, Map.of("x", 1L), "r3");
      FlyteRemoteException e = assertThrows(FlyteRemoteException.class,
          () -> run.await(failed, Duration.ofSeconds(60), nodes -> { }));
      assertTrue(e.getMessage().startsWith("execution flytesnacks:development:r3 FAILED: "), e.getMessage());
      assertFalse(e.getMessage().isBlank());
    }
  }

  @Test
  void aMalformedExecutionIdIsNamed() {
    FlyteRemoteException e = assertThrows(FlyteRemoteException.class, () -> RemoteRun.parseId("just-a-name"));
    assertEquals("execution id 'just-a-name' must be PROJECT:DOMAIN:NAME", e.getMessage());
  }

  /** A shell script that writes {@code outputs} as the attempt's outputs.pb, under propeller's output prefix. */
  static String writing(LiteralMap outputs) {
    return "p='{{ .outputPrefix }}'; p=${p#file://}; mkdir -p $p; echo "
        + Base64.getEncoder().encodeToString(outputs.toByteArray()) + " | base64 -d > $p/outputs.pb";
  }

  static AdminClient connect(TestAdmin admin) {
    return AdminClient.connect(FlyteConfig.empty().with("endpoint", admin.endpoint(), "").with("insecure", "true", ""),
        Map.of(), RetryPolicy.DEFAULT);
  }

  private static Identifier register(AdminClient client, String name, String script) {
    return register(client, name, script, Map.of("o", Long.class, "s", String.class));
  }

  /** A raw-container task {@code name(long x)} with these outputs, run as {@code sh -c script}. */
  static Identifier register(AdminClient client, String name, String script, Map<String, Class<?>> outputTypes) {
    VariableMap.Builder outputs = VariableMap.newBuilder();
    outputTypes.forEach((output, type) -> outputs.putVariables(output, variable(type)));
    Identifier id = Identifier.newBuilder().setResourceType(ResourceType.TASK).setProject("flytesnacks")
        .setDomain("development").setName(name).setVersion("v1").build();
    TypedInterface io = TypedInterface.newBuilder()
        .setInputs(VariableMap.newBuilder().putVariables("x", variable(Long.class)))
        .setOutputs(outputs).build();
    client.admin("CreateTask", a -> a.createTask(TaskCreateRequest.newBuilder().setId(id).setSpec(TaskSpec.newBuilder()
        .setTemplate(TaskTemplate.newBuilder().setId(id).setType("raw-container")
            .setMetadata(TaskMetadata.getDefaultInstance()).setInterface(io)
            .setContainer(Container.newBuilder().setImage("debian").addCommand("sh").addArgs("-c").addArgs(script))))
        .build()));
    return id;
  }

  private static Variable variable(Class<?> type) {
    return Variable.newBuilder().setType(Chains.ENGINE.literalTypeOf(type)).build();
  }
}
