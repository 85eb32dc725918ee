package dev.flytejava.runtime.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.runtime.api.NodeRef;
import dev.flytejava.runtime.api.WorkflowBuilder;
import dev.flytejava.runtime.golden.GoldenSet;
import dev.flytejava.runtime.idl.CompileOptions;
import dev.flytejava.runtime.idl.CompiledEntities;
import dev.flytejava.runtime.idl.CompiledSpec;
import dev.flytejava.runtime.idl.EntitySet;
import dev.flytejava.runtime.idl.IdlCompiler;
import dev.flytejava.runtime.idl.Protos;
import dev.flytejava.runtime.model.Binding;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.Workflow;
import dev.flytejava.runtime.types.TypeEngine;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The package as flytectl and GNU tar read it: pyflyte's names, order and placeholders, deterministic bytes. */
class PackageWriterTest {
  private final TypeEngine engine = TypeEngine.createDefault(getClass().getClassLoader());
  private final ShippedCode code = ShippedCode.of(Map.of("code.jar", "jar bytes".getBytes(StandardCharsets.UTF_8),
      "manifest.json", "{\"tasks\":[]}".getBytes(StandardCharsets.UTF_8)));

  @Test
  void packageHoldsTheSpecsUnderPyflytesNamesAndTheCodeArchive(@TempDir Path dir) throws Exception {
    CompiledEntities specs = compile(chain(3));
    Path pkg = dir.resolve("flyte-package.tgz");
    List<String> written = PackageWriter.write(specs, code, pkg);
    List<String> expected = List.of("0_step_1.pb", "1_chain_2.pb", "2_chain_3.pb", code.fileName());
    assertEquals(expected, written);
    assertEquals(expected, Tar.list(pkg), "in name order, as flytectl sorts them");
    for (String line : Tar.listVerbose(pkg)) {
      assertTrue(line.startsWith("-rw-r--r-- 0/0"), line);
    }
    Path out = Files.createDirectories(dir.resolve("out"));
    Tar.extract(pkg, out);
    assertArrayEquals(code.tarGz(), Files.readAllBytes(out.resolve(code.fileName())));
    TaskSpec task = TaskSpec.parseFrom(Files.readAllBytes(out.resolve("0_step_1.pb")));
    assertEquals(specs.specs().get(0).message(), task);
    assertTrue(task.getTemplate().getContainer().getArgsList().contains("{{ .remote_package_path }}"),
        "flytectl puts the uploaded code's location in place of its fast-registration placeholder");
    assertEquals(specs.specs().get(2).message(), LaunchPlan.parseFrom(Files.readAllBytes(out.resolve("2_chain_3.pb"))));
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(pkg, out), left.sorted().toList(), "no temp file left behind");
    }
  }

  @Test
  void namesFollowTheModernGoldenLayout() {
    List<String> golden = GoldenSet.modern().specs().stream().map(GoldenSet.Spec::file).toList();
    // the golden set's twelve names from its own specs: the layout is a function of kind, name and position
    List<CompiledSpec> specs = new ArrayList<>();
    for (GoldenSet.Spec s : GoldenSet.modern().specs()) {
      specs.add(switch (s.kind()) {
        case TASK -> new CompiledSpec.OfTask((TaskSpec) s.message());
        case WORKFLOW -> new CompiledSpec.OfWorkflow((flyteidl.admin.WorkflowOuterClass.WorkflowSpec) s.message());
        case LAUNCH_PLAN -> new CompiledSpec.OfLaunchPlan((LaunchPlan) s.message());
      });
    }
    assertEquals(golden, PackageLayout.fileNames(new CompiledEntities(specs, "")));
  }

  @Test
  void indexWidthIsFlytekitsForEveryCount() {
    assertEquals("0_p0_3.pb", PackageLayout.fileNames(plans(1)).get(0));
    assertEquals(List.of("0_p0_3.pb", "9_p9_3.pb"), firstAndLast(PackageLayout.fileNames(plans(10))));
    assertEquals(List.of("00_p0_3.pb", "10_p10_3.pb"), firstAndLast(PackageLayout.fileNames(plans(11))));
    assertEquals(List.of("00_p0_3.pb", "99_p99_3.pb"), firstAndLast(PackageLayout.fileNames(plans(100))));
    assertEquals(List.of("000_p0_3.pb", "100_p100_3.pb"), firstAndLast(PackageLayout.fileNames(plans(101))));
    assertEquals(List.of("0000_p0_3.pb", "1000_p1000_3.pb"), firstAndLast(PackageLayout.fileNames(plans(1001))));
  }

  @Test
  void sameEntitiesAndCodeGiveTheSameBytes() throws Exception {
    byte[] first = bytes(compile(chain(50)));
    byte[] second = bytes(compile(chain(50)));
    assertArrayEquals(first, second, "specs compiled twice, packaged twice");
    assertFalse(java.util.Arrays.equals(first, bytes(compile(chain(51)))));
  }

  @Test
  void aNameThatCannotBeAFileIsRejected() {
    CompiledEntities bad = new CompiledEntities(List.of(new CompiledSpec.OfLaunchPlan(LaunchPlan.newBuilder()
        .setId(Identifier.newBuilder().setResourceType(ResourceType.LAUNCH_PLAN).setName("a/b")).build())), "v");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PackageLayout.fileNames(bad));
    assertTrue(e.getMessage().contains("launch plan name [a/b]"), e.getMessage());
  }

  @Test
  void specsAreStoredWithDeterministicSerialization(@TempDir Path dir) throws Exception {
    CompiledEntities specs = compile(chain(2));
    Path pkg = dir.resolve("p.tgz");
    PackageWriter.write(specs, code, pkg);
    Path out = Files.createDirectories(dir.resolve("out"));
    Tar.extract(pkg, out);
    assertArrayEquals(Protos.deterministicBytes(specs.specs().get(1).message()),
        Files.readAllBytes(out.resolve("1_chain_2.pb")));
  }

  private byte[] bytes(CompiledEntities specs) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PackageWriter.write(specs, code, out);
    return out.toByteArray();
  }

  private CompiledEntities compile(Workflow wf) {
    return new IdlCompiler(engine).compile(EntitySet.of(wf), CompileOptions.forPackage(), code.digest());
  }

  /** A chain of {@code n} nodes of one task. */
  private Workflow chain(int n) {
    Task step = Task.builder("step").input("x", long.class).returns(long.class).codeHash("step-code")
        .body(in -> (long) in[0] + 1).build();
    WorkflowBuilder b = WorkflowBuilder.create("chain", engine);
    b.input("x", long.class);
    Binding last = Binding.input("x");
    for (int i = 0; i < n; i++) {
      NodeRef r = b.node("n" + i, step, Map.of("x", last));
      last = r.output();
    }
    b.output("o0", last);
    return b.build();
  }

  private static CompiledEntities plans(int n) {
    List<CompiledSpec> specs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      specs.add(new CompiledSpec.OfLaunchPlan(LaunchPlan.newBuilder()
          .setId(Identifier.newBuilder().setResourceType(ResourceType.LAUNCH_PLAN).setName("p" + i)).build()));
    }
    return new CompiledEntities(specs, "v");
  }

  private static List<String> firstAndLast(List<String> names) {
    return List.of(names.get(0), names.get(names.size() - 1));
  }
}
