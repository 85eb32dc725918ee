package dev.flytejava.runtime.idl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.runtime.model.EntityId;
import dev.flytejava.runtime.types.TypeEngine;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.core.IdentifierOuterClass.Identifier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Versions are content hashes of code and specs; identifiers are stamped in one place. */
class VersionsTest {
  private final TypeEngine engine = TypeEngine.createDefault(getClass().getClassLoader());
  private final IdlCompiler compiler = new IdlCompiler(engine);

  @Test
  void unchangedCodeAndEntitiesGetTheSameVersionAnyChangeANewOne() {
    String v = version(new OrdersProject(engine).entities(), CompileOptions.forPackage(), "aaaa0000");
    assertTrue(v.matches("[A-Za-z0-9_-]{22}"), v);
    assertEquals(v, version(new OrdersProject(engine).entities(), CompileOptions.forPackage(), "aaaa0000"),
        "compiled again from new objects");
    assertNotEquals(v, version(new OrdersProject(engine).entities(), CompileOptions.forPackage(), "aaaa0001"),
        "other code");
    OrdersProject changed = new OrdersProject(engine);
    assertNotEquals(v, version(EntitySet.of(changed.processOrder,
        changed.lineTotal.withOptions(changed.lineTotal.options().withRetries(4))), CompileOptions.forPackage(),
        "aaaa0000"), "another entity set");
    assertEquals(v, version(new OrdersProject(engine).entities(),
        CompileOptions.forPackage().withTarget("flytesnacks", "development"), "aaaa0000"),
        "the version does not depend on where the entities are registered");
    assertNotEquals(v, version(new OrdersProject(engine).entities(),
        CompileOptions.forPackage().withDefaultImage("other/image:1"), "aaaa0000"), "another image");
  }

  @Test
  void anExplicitVersionIsUsedAsGiven() {
    CompiledEntities c = compiler.compile(new OrdersProject(engine).entities(),
        CompileOptions.forPackage().withTarget("p", "d").withVersion("v7"), "aaaa0000");
    assertEquals("v7", c.version());
    for (CompiledSpec s : c.specs()) {
      for (Identifier id : ProtoWalk.all(s.message(), Identifier.class)) {
        assertEquals(List.of("p", "d", "v7"), List.of(id.getProject(), id.getDomain(), id.getVersion()), s.name());
      }
    }
    assertThrows(IllegalArgumentException.class, () -> CompileOptions.forPackage().withVersion(" "));
  }

  @Test
  void theCodeLocationReplacesFlytectlsPlaceholder() {
    CompiledEntities c = compiler.compile(new OrdersProject(engine).entities(), CompileOptions.forPackage(), "ab12cd34");
    List<CompiledSpec> located = SpecRewrite.codeLocation(c.specs(), "s3://bucket/fast/fastab12cd34.tar.gz");
    TaskSpec t = (TaskSpec) located.get(0).message();
    assertEquals(EntrypointArgs.forTask("orders.tasks.line_total").stream()
        .map(a -> a.equals(EntrypointArgs.REMOTE_PACKAGE_PATH) ? "s3://bucket/fast/fastab12cd34.tar.gz" : a).toList(),
        t.getTemplate().getContainer().getArgsList());
    assertEquals(c.specs().get(7), located.get(7), "a workflow is left as it is");
    assertEquals(c.find(EntityId.Kind.LAUNCH_PLAN, "nightly_orders"), located.get(11));
  }

  @Test
  void theDefaultImageComesFromTheEnvironmentWhenSet() {
    assertEquals(CompileOptions.DEFAULT_IMAGE, CompileOptions.forPackage(Map.of()).defaultImage());
    assertEquals("registry.example/runtime:2",
        CompileOptions.forPackage(Map.of("FLYTE_JAVA_IMAGE", " registry.example/runtime:2 ")).defaultImage());
    assertEquals(CompileOptions.DEFAULT_IMAGE, CompileOptions.forPackage(Map.of("FLYTE_JAVA_IMAGE", "")).defaultImage());
  }

  private String version(EntitySet set, CompileOptions options, String digest) {
    return compiler.compile(set, options, digest).version();
  }
}
