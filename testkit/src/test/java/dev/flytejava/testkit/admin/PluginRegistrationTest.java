package dev.flytejava.testkit.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.runtime.api.WorkflowBuilder;
import dev.flytejava.runtime.idl.CompileOptions;
import dev.flytejava.runtime.idl.CompiledSpec;
import dev.flytejava.runtime.idl.EntitySet;
import dev.flytejava.runtime.idl.IdlCompiler;
import dev.flytejava.runtime.model.Binding;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.TaskOptions;
import dev.flytejava.runtime.model.Workflow;
import dev.flytejava.runtime.plugins.ContainerTask;
import dev.flytejava.runtime.plugins.FileSensor;
import dev.flytejava.runtime.plugins.PodTask;
import dev.flytejava.runtime.plugins.SqlTask;
import dev.flytejava.runtime.types.JavaTypes;
import dev.flytejava.runtime.types.TypeEngine;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.service.AdminServiceGrpc;
import flyteidl.service.AdminServiceGrpc.AdminServiceBlockingStub;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 12, acceptance 3: a workflow of every plugin kind beside a Java task compiles to specs that the official protos
 * read and that the test FlyteAdmin's validators and workflow compiler accept, as flytectl registers them.
 */
class PluginRegistrationTest {
  record Person(String name, long age) {}

  @RegisterExtension
  static final TestAdminExtension ADMIN = new TestAdminExtension();

  private final AdminServiceBlockingStub admin = AdminServiceGrpc.newBlockingStub(ADMIN.channel());
  private final TypeEngine engine = TypeEngine.createDefault(getClass().getClassLoader());
  private final FlytectlHydration hydration =
      new FlytectlHydration("flytesnacks", "development", "plugins-v1", "file:///code/fast-plugins.tar.gz");

  private Workflow mixed() {
    Map<String, Class<?>> ab = new LinkedHashMap<>();
    ab.put("a", long.class);
    ab.put("b", long.class);
    Task mul = ContainerTask.task("mul", List.of("sh", "-c", "echo $(( {{.inputs.a}} * {{.inputs.b}} )) > /var/outputs/area"),
        ab, Map.of("area", long.class), TaskOptions.defaults().withImage("alpine:3.19"));
    Task adults = SqlTask.task("adults", "jdbc:sqlite:/data/people.db",
        "SELECT name, age FROM people WHERE age >= {{.inputs.minAge}}", Map.of("minAge", long.class), Person.class,
        TaskOptions.defaults());
    Task addOne = PodTask.withSidecars(Task.builder("addOne").input("x", long.class).returns(long.class).cache("v1")
        .body(in -> (long) in[0] + 1).build(), List.of(new PodTask.Sidecar("proxy", "nginx:1.25", List.of())));
    Task count = Task.builder("count").input("people", JavaTypes.listOf(Person.class)).returns(long.class)
        .body(in -> (long) ((List<?>) in[0]).size()).build();
    WorkflowBuilder wf = WorkflowBuilder.create("mixed", engine);
    wf.input("a", long.class);
    wf.node("sense", FileSensor.task("sense", "/data/ready.flag", Duration.ofSeconds(30), Duration.ofSeconds(1)), Map.of());
    var one = wf.node("n0", addOne, Map.of("x", Binding.input("a")));
    var area = wf.node("n1", mul, Map.of("a", one.output(), "b", Binding.input("a")));
    var grown = wf.node("n2", adults, Map.of("minAge", area.output("area")));
    var n = wf.node("n3", count, Map.of("people", grown.output()));
    wf.after("n0", "sense");
    wf.output("o0", n.output());
    return wf.build();
  }

  @Test
  void everyPluginKindRegistersBesideAJavaTask() throws Exception {
    List<CompiledSpec> specs = new IdlCompiler(engine).compile(EntitySet.of(mixed()), CompileOptions.forPackage(), "0123abcd")
        .specs();
    Map<String, Identifier> ids = new LinkedHashMap<>();
    for (CompiledSpec spec : specs) {
      // as flytectl reads a package file: the bytes through the official protos
      com.google.protobuf.Message read = spec.message().getParserForType().parseFrom(spec.message().toByteArray());
      com.google.protobuf.Message hydrated = hydration.hydrate(read);
      GoldenSpecs.register(admin, hydrated);
      if (hydrated instanceof TaskSpec t) ids.put(t.getTemplate().getId().getName(), t.getTemplate().getId());
    }
    assertEquals(5, ADMIN.admin().tasks());
    assertEquals(1, ADMIN.admin().workflows());
    Map<String, String> types = new LinkedHashMap<>();
    for (String name : List.of("mul", "adults", "sense", "addOne", "count")) {
      var task = admin.getTask(flyteidl.admin.Common.ObjectGetRequest.newBuilder().setId(ids.get(name)).build());
      types.put(name, task.getClosure().getCompiledTask().getTemplate().getType());
    }
    assertEquals(Map.of("mul", "raw-container", "adults", "flyte-java-sql", "sense", "flyte-java-file-sensor",
        "addOne", "sidecar", "count", "java-task"), types);
    // the pod task's primary container runs the shipped code: its --code is where the package was uploaded
    var pod = admin.getTask(flyteidl.admin.Common.ObjectGetRequest.newBuilder().setId(ids.get("addOne")).build())
        .getClosure().getCompiledTask().getTemplate();
    var primary = pod.getK8SPod().getPodSpec().getFieldsOrThrow("containers").getListValue().getValues(0).getStructValue();
    assertTrue(primary.getFieldsOrThrow("args").getListValue().getValuesList().stream()
        .anyMatch(v -> v.getStringValue().equals("file:///code/fast-plugins.tar.gz")), primary.toString());
  }

  @Test
  void aPluginTaskWithoutItsImageIsRejected() {
    CompiledSpec sql = new IdlCompiler(engine).compile(EntitySet.of(mixed()), CompileOptions.forPackage(), "0123abcd")
        .specs().stream().filter(s -> s.name().equals("adults")).findFirst().orElseThrow();
    TaskSpec.Builder broken = hydration.hydrate((TaskSpec) sql.message()).toBuilder();
    broken.getTemplateBuilder().getContainerBuilder().setImage("");
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> GoldenSpecs.register(admin, broken.build()));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertTrue(e.getStatus().getDescription().contains("image"), e.getStatus().getDescription());
  }
}
