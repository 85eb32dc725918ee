package dev.flytejava.runtime.packaging;

import dev.flytejava.runtime.api.WorkflowBuilder;
import dev.flytejava.runtime.idl.CompileOptions;
import dev.flytejava.runtime.idl.CompiledEntities;
import dev.flytejava.runtime.idl.EntitySet;
import dev.flytejava.runtime.idl.IdlCompiler;
import dev.flytejava.runtime.model.Binding;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.types.TypeEngine;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * bench/package: declares a workflow chaining one task {@code N} times, compiles it and writes its package
 * ({@code ARGS: N OUT.tgz}), as {@code flyte-java package} would, in a fresh JVM. The shipped code is this class
 * file. Prints the package's entry count.
 */
public final class ChainPackageMain {
  private ChainPackageMain() {}

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    TypeEngine engine = TypeEngine.createDefault(ChainPackageMain.class.getClassLoader());
    Task step = Task.builder("chain.step").input("x", long.class).returns(long.class)
        .body(in -> (long) in[0] + 1).build();
    WorkflowBuilder wf = WorkflowBuilder.create("chain.chain", engine);
    wf.input("x", long.class);
    Binding last = Binding.input("x");
    for (int i = 0; i < n; i++) {
      last = wf.node("n" + i, step, Map.of("x", last)).output();
    }
    wf.output("o0", last);
    ShippedCode code = ShippedCode.of(Map.of("chain/ChainPackageMain.class", classBytes()));
    CompiledEntities specs = new IdlCompiler(engine).compile(EntitySet.of(wf.build()), CompileOptions.forPackage(),
        code.digest());
    List<String> entries = PackageWriter.write(specs, code, Path.of(args[1]));
    System.out.println(entries.size() + " entries");
  }

  private static byte[] classBytes() throws Exception {
    try (InputStream in = ChainPackageMain.class.getResourceAsStream("ChainPackageMain.class")) {
      return in.readAllBytes();
    }
  }
}
