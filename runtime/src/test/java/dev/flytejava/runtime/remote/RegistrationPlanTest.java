package dev.flytejava.runtime.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.runtime.api.WorkflowBuilder;
import dev.flytejava.runtime.idl.CompileOptions;
import dev.flytejava.runtime.idl.CompiledEntities;
import dev.flytejava.runtime.idl.CompiledSpec;
import dev.flytejava.runtime.idl.EntitySet;
import dev.flytejava.runtime.idl.IdlCompiler;
import dev.flytejava.runtime.model.Binding;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.packaging.ShippedCode;
import dev.flytejava.runtime.types.TypeEngine;
import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A registration plan: written and read back unchanged, targeted as flytectl hydrates, and bad files refused. */
class RegistrationPlanTest {
  private static final TypeEngine ENGINE = TypeEngine.createDefault(RegistrationPlanTest.class.getClassLoader());
  private static final ShippedCode CODE = ShippedCode.of(Map.of("code.jar", "bytes".getBytes(StandardCharsets.UTF_8)));

  private static RegistrationPlan plan() {
    Task inc = Task.builder("inc").input("x", long.class).returns(long.class).codeHash("inc-code")
        .body(in -> (long) in[0] + 1).build();
    WorkflowBuilder b = WorkflowBuilder.create("twoIncs", ENGINE);
    b.input("x", long.class);
    var first = b.node("n0", inc, Map.of("x", Binding.input("x")));
    var second = b.node("n1", inc, Map.of("x", first.output()));
    b.output("o0", second.output());
    CompiledEntities specs = new IdlCompiler(ENGINE).compilePerEntity(EntitySet.of(b.build()),
        CompileOptions.forPackage(), CODE.digest(), Map.of("inc", "inc-code"));
    return new RegistrationPlan(specs, CODE);
  }

  private static byte[] written(RegistrationPlan plan) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    plan.writeTo(out);
    return out.toByteArray();
  }

  @Test
  void readsBackWhatItWrote() throws IOException {
    RegistrationPlan plan = plan();
    RegistrationPlan read = RegistrationPlan.readFrom(new ByteArrayInputStream(written(plan)));
    assertEquals(plan.specs(), read.specs());
    assertEquals(plan.code().digest(), read.code().digest());
    assertTrue(Arrays.equals(plan.code().tarGz(), read.code().tarGz()));
  }

  @Test
  void targetingFillsEveryIdentifierOfOursAndKeepsTheVersions() {
    RegistrationPlan plan = plan();
    CompiledEntities targeted = plan.targeted("p", "d");
    assertEquals(plan.specs().specs().size(), targeted.specs().size());
    for (int i = 0; i < targeted.specs().size(); i++) {
      var id = targeted.specs().get(i).id();
      assertEquals("p/d", id.getProject() + "/" + id.getDomain());
      assertEquals(plan.specs().specs().get(i).id().getVersion(), id.getVersion());
    }
    WorkflowSpec wf = ((CompiledSpec.OfWorkflow) targeted.ofKind(dev.flytejava.runtime.model.EntityId.Kind.WORKFLOW).get(0)).spec();
    wf.getTemplate().getNodesList().stream().filter(n -> n.hasTaskNode())
        .forEach(n -> assertEquals("p", n.getTaskNode().getReferenceId().getProject()));
    assertThrows(IllegalArgumentException.class, () -> new RegistrationPlan(targeted, CODE),
        "a plan holds untargeted specs");
    assertThrows(IllegalArgumentException.class, () -> plan.targeted(" ", "d"));
  }

  @Test
  void refusesWhatItDidNotWriteWithAnIoException() throws IOException {
    byte[] bytes = written(plan());
    IOException truncated = assertThrows(IOException.class,
        () -> RegistrationPlan.readFrom(new ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length - 7))));
    assertTrue(truncated.getMessage().contains("plan"), truncated.getMessage());
    byte[] extended = Arrays.copyOf(bytes, bytes.length + 1);
    IOException more = assertThrows(IOException.class, () -> RegistrationPlan.readFrom(new ByteArrayInputStream(extended)));
    assertTrue(more.getMessage().contains("more bytes follow"), more.getMessage());
    assertThrows(IOException.class, () -> RegistrationPlan.readFrom(new ByteArrayInputStream(
        "not a plan at all".getBytes(StandardCharsets.UTF_8))));
    assertThrows(IOException.class, () -> RegistrationPlan.readFrom(new ByteArrayInputStream(new byte[0])));
  }
}
