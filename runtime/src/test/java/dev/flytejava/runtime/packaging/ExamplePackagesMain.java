package dev.flytejava.runtime.packaging;

import dev.flytejava.runtime.idl.CompileOptions;
import dev.flytejava.runtime.idl.CompiledEntities;
import dev.flytejava.runtime.idl.EntitySet;
import dev.flytejava.runtime.idl.IdlCompiler;
import dev.flytejava.runtime.idl.TestEntities;
import dev.flytejava.runtime.types.TypeEngine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the test suite's entity sets as packages into a folder ({@code ARGS: DIR}), for checks with Flyte's own
 * code outside the JVM (src/test/go/flytecheck).
 */
public final class ExamplePackagesMain {
  private ExamplePackagesMain() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createDirectories(Path.of(args[0]));
    TypeEngine engine = TypeEngine.createDefault(ExamplePackagesMain.class.getClassLoader());
    ShippedCode code = ShippedCode.of(Map.of("code.jar", "test jar".getBytes(StandardCharsets.UTF_8)));
    for (Map.Entry<String, EntitySet> e : TestEntities.all(engine).entrySet()) {
      CompiledEntities specs = new IdlCompiler(engine).compile(e.getValue(), CompileOptions.forPackage(), code.digest());
      Path file = dir.resolve(e.getKey() + ".tgz");
      PackageWriter.write(specs, code, file);
      System.out.println(file);
    }
  }
}
