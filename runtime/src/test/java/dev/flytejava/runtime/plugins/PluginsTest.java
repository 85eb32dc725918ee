package dev.flytejava.runtime.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.runtime.api.WorkflowBuilder;
import dev.flytejava.runtime.exec.LocalExecutor;
import dev.flytejava.runtime.exec.NodeFailedException;
import dev.flytejava.runtime.idl.CompileOptions;
import dev.flytejava.runtime.idl.CompiledEntities;
import dev.flytejava.runtime.idl.CompiledSpec;
import dev.flytejava.runtime.idl.EntitySet;
import dev.flytejava.runtime.idl.IdlCompiler;
import dev.flytejava.runtime.model.Binding;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.TaskOptions;
import dev.flytejava.runtime.model.Workflow;
import dev.flytejava.runtime.types.TypeEngine;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.core.Tasks.DataLoadingConfig;
import flyteidl.core.Tasks.TaskTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each plugin kind runs locally, alone and in one workflow beside a Java task, fails clearly, and compiles to its IDL. */
class PluginsTest {
  static {
    // the file contract as a local process, so the test neither pulls images nor depends on a container daemon
    System.setProperty(ContainerCli.PROPERTY, "none");
  }

  record Person(String name, long age) {}

  private final TypeEngine engine = TypeEngine.createDefault(getClass().getClassLoader());
  @TempDir Path dir;
  private LocalExecutor executor;
  private String db;

  @BeforeEach
  void setUp() throws Exception {
    executor = LocalExecutor.builder(engine).cache(dev.flytejava.runtime.exec.DiskCache.at(dir.resolve("cache"))).build();
    db = "jdbc:sqlite:" + dir.resolve("people.db");
    try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE people (name TEXT, age INTEGER)");
      s.execute("INSERT INTO people VALUES ('ann', 31), ('bob', 17), ('cy', 45)");
    }
  }

  @AfterEach
  void tearDown() {
    executor.close();
  }

  private static Map<String, Class<?>> types(Object... pairs) {
    Map<String, Class<?>> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], (Class<?>) pairs[i + 1]);
    }
    return m;
  }

  private static Task container(String name, String script, Map<String, Class<?>> outputs) {
    return ContainerTask.task(name, List.of("sh", "-c", script), types("a", long.class, "b", long.class), outputs,
        TaskOptions.defaults().withImage("alpine:3.19"));
  }

  private static Task mul() {
    return container("mul", "echo $(( {{.inputs.a}} * {{.inputs.b}} )) > /var/outputs/area", types("area", long.class));
  }

  private String failure(Task task, Object... args) {
    return assertThrows(NodeFailedException.class, () -> executor.call(task, args)).getMessage();
  }

  @Test
  void aContainerTaskRunsItsCommandWithTheFileContract() {
    assertEquals(42L, executor.call(mul(), 6L, 7L));
    Task files = container("files", "cat /var/inputs/a /var/inputs/b > /var/outputs/o && echo done >&2",
        types("o", String.class));
    assertEquals("67", executor.call(files, 6L, 7L).toString().replace("\n", ""));
  }

  @Test
  void aContainerTaskWithTwoOutputsGivesThemByName() {
    Task divmod = container("divmod", "echo $(( {{.inputs.a}} / {{.inputs.b}} )) > /var/outputs/q;"
        + " echo $(( {{.inputs.a}} % {{.inputs.b}} )) > /var/outputs/r", types("q", long.class, "r", long.class));
    assertEquals(Map.of("q", 3L, "r", 2L), executor.call(divmod, 17L, 5L));
  }

  @Test
  void aContainerTaskIsRetriedAndCachedLikeAnyTask() throws Exception {
    Path runs = dir.resolve("runs");
    // fails on its first run, succeeds on the second: the retry makes the call succeed
    String script = "echo run >> " + runs + "; [ $(wc -l < " + runs + ") -ge 2 ] && echo ok > /var/outputs/o";
    Task flaky = ContainerTask.task("flaky", List.of("sh", "-c", script), Map.of(), types("o", String.class),
        TaskOptions.defaults().withImage("alpine:3.19").withRetries(1).withCache("v1"));
    assertEquals("ok", executor.call(flaky));
    assertEquals(2, Files.readAllLines(runs).size());
    assertEquals("ok", executor.call(flaky)); // from the cache: the command does not run again
    assertEquals(2, Files.readAllLines(runs).size());
  }

  @Test
  void containerFailuresNameTheTaskAndTheCause() {
    Task missingCommand = ContainerTask.task("nocmd", List.of("no-such-command-xyz"), Map.of(), Map.of(),
        TaskOptions.defaults().withImage("alpine:3.19"));
    String m = failure(missingCommand);
    assertTrue(m.contains("task [nocmd]") && m.contains("[no-such-command-xyz] not found"), m);

    m = failure(container("exit3", "echo first >&2; echo last words >&2; exit 3", Map.of()), 1L, 2L);
    assertTrue(m.contains("task [exit3]") && m.contains("exited with code 3") && m.contains("last words"), m);

    m = failure(container("nofile", "true", types("area", long.class)), 1L, 2L);
    assertTrue(m.contains("task [nofile]") && m.contains("output [area] is missing"), m);

    m = failure(container("badfile", "echo lots > /var/outputs/area", types("area", long.class)), 1L, 2L);
    assertTrue(m.contains("task [badfile]") && m.contains("output [area] holds [lots], which is not a long"), m);

    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> container("typo", "echo {{.inputs.c}}", Map.of()));
    assertTrue(unknown.getMessage().contains("{{.inputs.c}}"), unknown.getMessage());
  }

  private Task adults() {
    return SqlTask.task("adults", db, "SELECT name, age FROM people WHERE age >= {{.inputs.minAge}} ORDER BY age",
        types("minAge", long.class), Person.class, TaskOptions.defaults());
  }

  @Test
  void aSqlTaskBindsItsInputsAndMapsRowsOntoARecord() {
    assertEquals(List.of(new Person("ann", 31), new Person("cy", 45)), executor.call(adults(), 18L));
    Task maps = SqlTask.task("all", db, "SELECT name FROM people ORDER BY name LIMIT 1", Map.of(), null,
        TaskOptions.defaults());
    assertEquals(List.of(Map.of("name", "ann")), executor.call(maps));
  }

  @Test
  void anInjectionAttemptIsBoundAsAValueAndTheTableSurvives() {
    Task byName = SqlTask.task("byName", db, "SELECT name, age FROM people WHERE name = {{ .inputs.who }}",
        types("who", String.class), Person.class, TaskOptions.defaults());
    assertEquals(List.of(), executor.call(byName, "x'; DROP TABLE people; --"));
    assertEquals(List.of(), executor.call(byName, "' OR '1'='1"));
    assertEquals(3, ((List<?>) executor.call(SqlTask.task("count", db, "SELECT * FROM people", Map.of(), null,
        TaskOptions.defaults()))).size());
  }

  @Test
  void sqlFailuresNameTheTaskAndTheCause() {
    String m = failure(SqlTask.task("broken", db, "SELEC name FROM people", Map.of(), null, TaskOptions.defaults()));
    assertTrue(m.contains("task [broken]") && m.contains("does not compile") && m.contains("syntax error"), m);

    // a value of another type than the input's, as an untyped caller could pass it: refused before any SQL runs
    m = assertThrows(IllegalArgumentException.class, () -> executor.call(adults(), "eighteen")).getMessage();
    assertTrue(m.contains("input [minAge] of task [adults]") && m.contains("[eighteen]"), m);

    m = failure(SqlTask.task("ages", db, "SELECT name AS age FROM people", Map.of(), Age.class, TaskOptions.defaults()));
    assertTrue(m.contains("task [ages]") && m.contains("column [age] holds [ann]"), m);

    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> SqlTask.task("x", db, "SELECT {{.inputs.nope}}", Map.of(), null, TaskOptions.defaults()));
    assertTrue(bad.getMessage().contains("{{.inputs.nope}}"), bad.getMessage());
  }

  record Age(long age) {}

  @Test
  void aFileSensorSucceedsWhenThePathExistsAndTimesOutOtherwise() throws Exception {
    Path flag = dir.resolve("ready.flag");
    Task sensor = FileSensor.task("waitReady", flag.toString(), Duration.ofMillis(300), Duration.ofMillis(50));
    String m = failure(sensor);
    assertTrue(m.contains("task [waitReady]") && m.contains("timed out after 300ms") && m.contains(flag.toString()), m);
    Files.writeString(flag, "");
    executor.call(sensor);
  }

  @Test
  void oneWorkflowMixesAJavaTaskWithEveryPluginKind() throws Exception {
    Path flag = dir.resolve("go");
    Files.writeString(flag, "");
    Task addOne = Task.builder("addOne").input("x", long.class).returns(long.class).cache("v1").retries(1)
        .body(in -> (long) in[0] + 1).build();
    Task count = Task.builder("count").input("people", dev.flytejava.runtime.types.JavaTypes.listOf(Person.class))
        .returns(long.class).body(in -> (long) ((List<?>) in[0]).size()).build();
    Task pod = PodTask.withSidecars(addOne, List.of(new PodTask.Sidecar("proxy", "nginx:1.25", List.of())));
    WorkflowBuilder wf = WorkflowBuilder.create("mixed", engine);
    wf.input("a", long.class);
    var sensed = wf.node("sense", FileSensor.task("sense", flag.toString(), Duration.ofSeconds(5), Duration.ofMillis(50)),
        Map.of());
    var one = wf.node("n0", pod, Map.of("x", Binding.input("a")));
    var area = wf.node("n1", mul(), Map.of("a", one.output(), "b", Binding.input("a")));
    var grown = wf.node("n2", adults(), Map.of("minAge", area.output("area")));
    var n = wf.node("n3", count, Map.of("people", grown.output()));
    wf.after("n0", "sense");
    wf.output("o0", n.output());
    Workflow mixed = wf.build();
    // a=5: (5+1)*5 = 30 -> people aged 30 or more: ann and cy
    assertEquals(2L, executor.run(mixed, Map.of("a", 5L)).get("o0"));

    CompiledEntities compiled = new IdlCompiler(engine).compile(EntitySet.of(mixed), CompileOptions.forPackage(), "0123abcd");
    Map<String, TaskTemplate> tasks = new LinkedHashMap<>();
    for (CompiledSpec spec : compiled.specs()) {
      if (spec instanceof CompiledSpec.OfTask t) {
        TaskTemplate template = TaskSpec.parseFrom(t.spec().toByteArray()).getTemplate();
        tasks.put(template.getId().getName(), template);
      }
    }
    TaskTemplate raw = tasks.get("mul");
    assertEquals("raw-container", raw.getType());
    assertEquals("alpine:3.19", raw.getContainer().getImage());
    assertEquals(List.of("sh", "-c", "echo $(( {{.inputs.a}} * {{.inputs.b}} )) > /var/outputs/area"),
        raw.getContainer().getCommandList());
    DataLoadingConfig data = raw.getContainer().getDataConfig();
    assertTrue(data.getEnabled());
    assertEquals("/var/inputs", data.getInputPath());
    assertEquals("/var/outputs", data.getOutputPath());
    assertEquals(DataLoadingConfig.LiteralMapFormat.JSON, data.getFormat());

    TaskTemplate sql = tasks.get("adults");
    assertEquals("flyte-java-sql", sql.getType());
    assertTrue(sql.getCustom().getFieldsOrThrow("query_template").getStringValue().contains("{{.inputs.minAge}}"));
    assertTrue(sql.getContainer().getArgsList().contains("{{.taskTemplatePath}}"));

    TaskTemplate sensor = tasks.get("sense");
    assertEquals("flyte-java-file-sensor", sensor.getType());
    assertFalse(sensor.hasContainer());
    assertEquals(flag.toString(), sensor.getCustom().getFieldsOrThrow("path").getStringValue());

    TaskTemplate sidecar = tasks.get("addOne");
    assertEquals("sidecar", sidecar.getType());
    assertEquals(2, sidecar.getTaskTypeVersion());
    assertFalse(sidecar.hasContainer());
    assertEquals("primary", sidecar.getConfigOrThrow("primary_container_name"));
    var containers = sidecar.getK8SPod().getPodSpec().getFieldsOrThrow("containers").getListValue();
    assertEquals("primary", containers.getValues(0).getStructValue().getFieldsOrThrow("name").getStringValue());
    assertTrue(containers.getValues(0).getStructValue().getFieldsOrThrow("args").getListValue().getValuesList().stream()
        .anyMatch(v -> v.getStringValue().equals("addOne")));
    assertEquals("nginx:1.25", containers.getValues(1).getStructValue().getFieldsOrThrow("image").getStringValue());
  }

  @Test
  void eachPluginRunsFromItsCompiledTemplateWithTheLocalOutputs() throws Exception {
    Path flag = dir.resolve("there");
    Files.writeString(flag, "");
    Task sensor = FileSensor.task("sense", flag.toString(), Duration.ofSeconds(2), Duration.ofMillis(20));
    Map<String, TaskTemplate> templates = new LinkedHashMap<>();
    for (Task t : List.of(mul(), adults(), sensor)) {
      CompiledSpec spec = new IdlCompiler(engine).compile(EntitySet.of(t), CompileOptions.forPackage(), "0123abcd")
          .specs().get(0);
      templates.put(t.name(), TaskSpec.parseFrom(((CompiledSpec.OfTask) spec).spec().toByteArray()).getTemplate());
    }
    ClassLoader loader = getClass().getClassLoader();
    TaskTemplate raw = templates.get("mul");
    var out = TaskTypePlugins.find(raw.getType(), loader).orElseThrow().execute(raw, literals("a", 6L, "b", 7L));
    assertEquals(42L, engine.toJava(out.getLiteralsOrThrow("area"), long.class));

    TaskTemplate sql = templates.get("adults");
    out = TaskTypePlugins.find(sql.getType(), loader).orElseThrow().execute(sql, literals("minAge", 18L));
    assertEquals(executor.call(adults(), 18L),
        engine.toJava(out.getLiteralsOrThrow("o0"), dev.flytejava.runtime.types.JavaTypes.listOf(Person.class)));
    IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
        () -> TaskTypePlugins.find(sql.getType(), loader).orElseThrow().execute(sql, literals("minAge", "old")));
    assertEquals("input [minAge] of task [adults] is [old], a STRING, but its interface declares INTEGER",
        wrong.getMessage());

    TaskTemplate sense = templates.get("sense");
    assertEquals(0, TaskTypePlugins.find(sense.getType(), loader).orElseThrow()
        .execute(sense, flyteidl.core.Literals.LiteralMap.getDefaultInstance()).getLiteralsCount());
  }

  @Test
  void theEntrypointRunsASqlTaskFromTheTemplatePropellerWrites() throws Exception {
    CompiledSpec spec = new IdlCompiler(engine).compile(EntitySet.of(adults()), CompileOptions.forPackage(), "0123abcd")
        .specs().get(0);
    TaskTemplate template = ((CompiledSpec.OfTask) spec).spec().getTemplate();
    List<String> args = template.getContainer().getArgsList();
    assertEquals(List.of("flyte-java", "entrypoint", "--task", "flyte-java.from-template", "--code", "{{.taskTemplatePath}}"),
        args.subList(0, 6));
    Path templateFile = Files.write(dir.resolve("task.pb"), template.toByteArray());
    Path inputs = Files.write(dir.resolve("inputs.pb"), literals("minAge", 18L).toByteArray());
    Path out = Files.createDirectory(dir.resolve("out"));
    var entrypointArgs = new dev.flytejava.runtime.entrypoint.EntrypointArgs("flyte-java.from-template",
        templateFile.toString(), inputs.toString(), out.toString(), null, null, null);
    try (var storage = dev.flytejava.runtime.storage.Storage.create()) {
      assertEquals(dev.flytejava.runtime.entrypoint.Entrypoint.Outcome.SUCCEEDED,
          new dev.flytejava.runtime.entrypoint.Entrypoint(entrypointArgs, storage, Files.createDirectory(dir.resolve("w")),
              System.err).run());
    }
    var outputs = flyteidl.core.Literals.LiteralMap.parseFrom(Files.readAllBytes(out.resolve("outputs.pb")));
    assertEquals(executor.call(adults(), 18L),
        engine.toJava(outputs.getLiteralsOrThrow("o0"), dev.flytejava.runtime.types.JavaTypes.listOf(Person.class)));
  }

  private flyteidl.core.Literals.LiteralMap literals(Object... pairs) {
    var m = flyteidl.core.Literals.LiteralMap.newBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      m.putLiterals((String) pairs[i], engine.toLiteral(pairs[i + 1], pairs[i + 1].getClass()));
    }
    return m.build();
  }

  @Test
  void pluginsAreFoundByTaskType() {
    assertTrue(TaskTypePlugins.find(FileSensorAgent.TASK_TYPE, getClass().getClassLoader()).isPresent());
    assertTrue(TaskTypePlugins.find("no-such-type", getClass().getClassLoader()).isEmpty());
  }
}
