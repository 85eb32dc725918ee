package dev.flytejava.testkit.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Message;
import dev.flytejava.runtime.api.WorkflowBuilder;
import dev.flytejava.runtime.code.CodeArchive;
import dev.flytejava.runtime.code.CodeClosure;
import dev.flytejava.runtime.code.CodeManifest;
import dev.flytejava.runtime.exec.LocalExecutor;
import dev.flytejava.runtime.idl.CompileOptions;
import dev.flytejava.runtime.idl.CompiledSpec;
import dev.flytejava.runtime.idl.EntitySet;
import dev.flytejava.runtime.idl.IdlCompiler;
import dev.flytejava.runtime.model.Binding;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.TaskBody;
import dev.flytejava.runtime.model.TaskOptions;
import dev.flytejava.runtime.model.Workflow;
import dev.flytejava.runtime.packaging.ShippedCode;
import dev.flytejava.runtime.plugins.ContainerTask;
import dev.flytejava.runtime.plugins.FileSensor;
import dev.flytejava.runtime.plugins.PodTask;
import dev.flytejava.runtime.plugins.SqlTask;
import dev.flytejava.runtime.storage.Storage;
import dev.flytejava.runtime.storage.StorageUri;
import dev.flytejava.runtime.types.JavaTypes;
import dev.flytejava.runtime.types.TypeEngine;
import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.admin.ExecutionOuterClass.ExecutionCreateRequest;
import flyteidl.admin.ExecutionOuterClass.ExecutionSpec;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetDataRequest;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.service.AdminServiceGrpc;
import flyteidl.service.AdminServiceGrpc.AdminServiceBlockingStub;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, acceptance 1 (remote half): the workflow mixing a Java task with every plugin kind, registered in the test
 * FlyteAdmin as flytectl registers a package (its code archive uploaded) and run through the AdminService API by
 * {@link ProcessLauncher}, gives the local run's outputs; a raw container task that exits non-zero fails the
 * execution with an error naming the task and the end of its stderr.
 */
class PluginExecutionTest {
  static {
    // the kernel's local runs of raw containers as local processes, as the testkit's copilot runs them
    System.setProperty("flyte.java.container.cli", "none");
  }

  private static final String PROJECT = ShippedJavaTasks.PROJECT;
  private static final String DOMAIN = ShippedJavaTasks.DOMAIN;

  private final TypeEngine engine = TypeEngine.createDefault(getClass().getClassLoader());
  @TempDir Path dir;

  private static Task container(String name, String script, Map<String, Class<?>> outputs) {
    Map<String, Class<?>> ab = new LinkedHashMap<>();
    ab.put("a", long.class);
    ab.put("b", long.class);
    return ContainerTask.task(name, List.of("sh", "-c", script), ab, outputs,
        TaskOptions.defaults().withImage("alpine:3.19"));
  }

  private Workflow mixed(Path flag, String db) throws Exception {
    Task mul = container("mul", "echo $(( {{.inputs.a}} * $(cat /var/inputs/b) )) > /var/outputs/area",
        Map.of("area", long.class));
    Task adults = SqlTask.task("adults", db, "SELECT name, age FROM people WHERE age >= {{.inputs.minAge}} ORDER BY age",
        Map.of("minAge", long.class), MixedTasks.Person.class, TaskOptions.defaults());
    Task addOne = PodTask.withSidecars(ShippedJavaTasks.task(MixedTasks.class, "addOne", "addOne", long.class),
        List.of(new PodTask.Sidecar("proxy", "nginx:1.25", List.of())));
    Task count = ShippedJavaTasks.task(MixedTasks.class, "count", "count", List.class);
    WorkflowBuilder wf = WorkflowBuilder.create("mixed", engine);
    wf.input("a", long.class);
    wf.node("sense", FileSensor.task("sense", flag.toString(), Duration.ofSeconds(10), Duration.ofMillis(50)), Map.of());
    var one = wf.node("n0", addOne, Map.of("x", Binding.input("a")));
    var area = wf.node("n1", mul, Map.of("a", one.output(), "b", Binding.input("a")));
    var grown = wf.node("n2", adults, Map.of("minAge", area.output("area")));
    var n = wf.node("n3", count, Map.of("people", grown.output()));
    wf.after("n0", "sense");
    wf.output("o0", n.output());
    return wf.build();
  }

  @Test
  void theMixedWorkflowRunsThroughTheAdminApiWithTheLocalOutputs() throws Exception {
    Path flag = Files.writeString(dir.resolve("ready.flag"), "");
    String db = "jdbc:sqlite:" + dir.resolve("people.db");
    try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE people (name TEXT, age INTEGER)");
      s.execute("INSERT INTO people VALUES ('ann', 31), ('bob', 17), ('cy', 45)");
    }
    Workflow mixed = mixed(flag, db);
    Object local;
    try (LocalExecutor executor = LocalExecutor.builder(engine).build()) {
      local = executor.run(mixed, Map.of("a", 5L)).get("o0");
    }
    assertEquals(2L, local); // (5+1)*5 = 30: ann and cy are 30 or older

    try (Storage storage = Storage.create(); TestAdmin server = TestAdmin.builder()
        .executions(new ProcessLauncher(storage, ShippedJavaTasks.entrypointBin(dir), dir.resolve("work"), Duration.ofMinutes(2))).start()) {
      AdminServiceBlockingStub admin = AdminServiceGrpc.newBlockingStub(server.channel());
      ShippedCode code = ShippedJavaTasks.code(List.of(MixedTasks.class, MixedTasks.Person.class), Map.of(
          "addOne", MixedTasks.class.getMethod("addOne", long.class),
          "count", MixedTasks.class.getMethod("count", List.class)));
      Identifier launchPlan = ShippedJavaTasks.register(server, admin, engine, EntitySet.of(mixed), code);

      WorkflowExecutionIdentifier id = admin.createExecution(ExecutionCreateRequest.newBuilder().setProject(PROJECT)
          .setDomain(DOMAIN).setName("mixed1").setSpec(ExecutionSpec.newBuilder().setLaunchPlan(launchPlan))
          .setInputs(LiteralMap.newBuilder().putLiterals("a", engine.toLiteral(5L, long.class))).build()).getId();
      ShippedJavaTasks.await(admin, id, WorkflowExecution.Phase.SUCCEEDED);
      LiteralMap outputs = admin.getExecutionData(WorkflowExecutionGetDataRequest.newBuilder().setId(id).build())
          .getFullOutputs();
      assertEquals(LiteralMap.newBuilder().putLiterals("o0", engine.toLiteral(local, long.class)).build(), outputs);
    }
  }

  @Test
  void aRawContainerThatExitsNonZeroFailsTheExecutionNamingTheTaskAndItsStderr() throws Exception {
    Task broken = container("broken", "echo reading {{.inputs.a}} >&2; echo 'no such table: widgets' >&2; exit 4",
        Map.of("area", long.class));
    try (Storage storage = Storage.create(); TestAdmin server = TestAdmin.builder()
        .executions(new ProcessLauncher(storage, Path.of("/bin"), dir.resolve("work"), Duration.ofMinutes(1))).start()) {
      AdminServiceBlockingStub admin = AdminServiceGrpc.newBlockingStub(server.channel());
      Identifier task = registerTask(admin, broken);
      LiteralMap inputs = LiteralMap.newBuilder().putLiterals("a", engine.toLiteral(6L, long.class))
          .putLiterals("b", engine.toLiteral(7L, long.class)).build();
      WorkflowExecutionIdentifier id = admin.createExecution(ExecutionCreateRequest.newBuilder().setProject(PROJECT)
          .setDomain(DOMAIN).setName("broken1").setSpec(ExecutionSpec.newBuilder().setLaunchPlan(task))
          .setInputs(inputs).build()).getId();
      Execution failed = ShippedJavaTasks.await(admin, id, WorkflowExecution.Phase.FAILED);
      String message = failed.getClosure().getError().getMessage();
      assertEquals("ExitCode4", failed.getClosure().getError().getCode());
      assertTrue(message.contains("task broken exited with 4"), message);
      assertTrue(message.contains("reading 6") && message.contains("no such table: widgets"), message);
    }
  }

  @Test
  void aSensorWhosePathNeverAppearsFailsTheExecutionThroughItsAgent() throws Exception {
    Task sensor = FileSensor.task("waitReady", dir.resolve("never").toString(), Duration.ofMillis(300),
        Duration.ofMillis(50));
    try (Storage storage = Storage.create(); TestAdmin server = TestAdmin.builder()
        .executions(new ProcessLauncher(storage, Path.of("/bin"), dir.resolve("work"), Duration.ofMinutes(1))).start()) {
      AdminServiceBlockingStub admin = AdminServiceGrpc.newBlockingStub(server.channel());
      Identifier task = registerTask(admin, sensor);
      WorkflowExecutionIdentifier id = admin.createExecution(ExecutionCreateRequest.newBuilder().setProject(PROJECT)
          .setDomain(DOMAIN).setName("sensor1").setSpec(ExecutionSpec.newBuilder().setLaunchPlan(task)).build()).getId();
      Execution failed = ShippedJavaTasks.await(admin, id, WorkflowExecution.Phase.FAILED);
      String message = failed.getClosure().getError().getMessage();
      assertTrue(message.contains("waitReady") && message.contains("timed out after 300ms"), message);
    }
  }

  @Test
  void theCopilotGivesARawContainerEachInputAsAFileAndAllOfThemAsInputsPbAndJson() throws Exception {
    Task files = container("files", "test -s /var/inputs/inputs.pb && test \"$(cat /var/inputs/a)\" = 6"
        + " && cat /var/inputs/inputs.json > /var/outputs/o", Map.of("o", String.class));
    try (Storage storage = Storage.create(); TestAdmin server = TestAdmin.builder()
        .executions(new ProcessLauncher(storage, Path.of("/bin"), dir.resolve("work"), Duration.ofMinutes(1))).start()) {
      AdminServiceBlockingStub admin = AdminServiceGrpc.newBlockingStub(server.channel());
      Identifier task = registerTask(admin, files);
      LiteralMap inputs = LiteralMap.newBuilder().putLiterals("a", engine.toLiteral(6L, long.class))
          .putLiterals("b", engine.toLiteral(7L, long.class)).build();
      WorkflowExecutionIdentifier id = admin.createExecution(ExecutionCreateRequest.newBuilder().setProject(PROJECT)
          .setDomain(DOMAIN).setName("files1").setSpec(ExecutionSpec.newBuilder().setLaunchPlan(task))
          .setInputs(inputs).build()).getId();
      ShippedJavaTasks.await(admin, id, WorkflowExecution.Phase.SUCCEEDED);
      LiteralMap outputs = admin.getExecutionData(WorkflowExecutionGetDataRequest.newBuilder().setId(id).build())
          .getFullOutputs();
      assertEquals("{\"a\":6,\"b\":7}", outputs.getLiteralsOrThrow("o").getScalar().getPrimitive().getStringValue());
    }
  }

  @Test
  void terminatingAnExecutionStopsTheSensorItWaitsOn() throws Exception {
    Task sensor = FileSensor.task("waitLong", dir.resolve("never").toString(), Duration.ofSeconds(60),
        Duration.ofMillis(50));
    try (Storage storage = Storage.create(); TestAdmin server = TestAdmin.builder()
        .executions(new ProcessLauncher(storage, Path.of("/bin"), dir.resolve("work"), Duration.ofMinutes(1))).start()) {
      AdminServiceBlockingStub admin = AdminServiceGrpc.newBlockingStub(server.channel());
      Identifier task = registerTask(admin, sensor);
      WorkflowExecutionIdentifier id = admin.createExecution(ExecutionCreateRequest.newBuilder().setProject(PROJECT)
          .setDomain(DOMAIN).setName("sensor2").setSpec(ExecutionSpec.newBuilder().setLaunchPlan(task)).build()).getId();
      ShippedJavaTasks.await(admin, id, WorkflowExecution.Phase.RUNNING);
      admin.terminateExecution(flyteidl.admin.ExecutionOuterClass.ExecutionTerminateRequest.newBuilder().setId(id)
          .setCause("not needed").build());
      Execution aborted = ShippedJavaTasks.await(admin, id, WorkflowExecution.Phase.ABORTED);
      assertEquals("not needed", aborted.getClosure().getAbortMetadata().getCause());
    }
  }

  private Identifier registerTask(AdminServiceBlockingStub admin, Task t) throws Exception {
    FlytectlHydration hydration = new FlytectlHydration(PROJECT, DOMAIN, "v1", "file:///unused.tar.gz");
    Identifier task = null;
    for (CompiledSpec spec : new IdlCompiler(engine).compile(EntitySet.of(t), CompileOptions.forPackage(), "0123abcd")
        .specs()) {
      Message hydrated = hydration.hydrate(spec.message());
      GoldenSpecs.register(admin, hydrated);
      if (hydrated instanceof flyteidl.admin.TaskOuterClass.TaskSpec ts) {
        task = ts.getTemplate().getId();
      }
    }
    return task;
  }
}
