package dev.flytejava.testkit.client;

import dev.flytejava.runtime.api.NodeRef;
import dev.flytejava.runtime.api.WorkflowBuilder;
import dev.flytejava.runtime.idl.CompileOptions;
import dev.flytejava.runtime.idl.CompiledEntities;
import dev.flytejava.runtime.idl.EntitySet;
import dev.flytejava.runtime.idl.IdlCompiler;
import dev.flytejava.runtime.model.Binding;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.Workflow;
import dev.flytejava.runtime.packaging.ShippedCode;
import dev.flytejava.runtime.remote.RegistrationPlan;
import dev.flytejava.runtime.types.TypeEngine;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A workflow of {@code n} nodes over two tasks, compiled for flytesnacks/development, and its code. */
final class Chains {
  static final TypeEngine ENGINE = TypeEngine.createDefault(Chains.class.getClassLoader());

  private Chains() {
  }

  static ShippedCode code(String content) {
    return ShippedCode.of(Map.of("code.jar", content.getBytes(StandardCharsets.UTF_8)));
  }

  static CompiledEntities compile(int n, String stepCode, ShippedCode code) {
    return new IdlCompiler(ENGINE).compile(EntitySet.of(chain(n, stepCode)),
        CompileOptions.forPackage().withTarget("flytesnacks", "development"), code.digest());
  }

  /**
   * The chain as registration plans it: untargeted, each entity versioned by its own content, a task's from its code
   * digest (here its code hash), so that other step code re-versions step and what runs it, not twice.
   */
  static RegistrationPlan plan(int n, String stepCode, ShippedCode code) {
    return new RegistrationPlan(new IdlCompiler(ENGINE).compilePerEntity(EntitySet.of(chain(n, stepCode)),
        CompileOptions.forPackage(), code.digest(), Map.of("step", stepCode, "twice", "twice-code")), code);
  }

  private static Workflow chain(int n, String stepCode) {
    Task step = Task.builder("step").input("x", long.class).returns(long.class).codeHash(stepCode)
        .body(in -> (long) in[0] + 1).build();
    Task twice = Task.builder("twice").input("x", long.class).returns(long.class).codeHash("twice-code")
        .body(in -> (long) in[0] * 2).build();
    WorkflowBuilder b = WorkflowBuilder.create("chain", ENGINE);
    b.input("x", long.class);
    Binding last = Binding.input("x");
    for (int i = 0; i < n; i++) {
      NodeRef r = b.node("n" + i, i % 2 == 0 ? step : twice, Map.of("x", last));
      last = r.output();
    }
    b.output("o0", last);
    return b.build();
  }
}
