package dev.flytejava.testkit.admin;

import com.google.protobuf.Message;
import dev.flytejava.runtime.code.CodeArchive;
import dev.flytejava.runtime.code.CodeClosure;
import dev.flytejava.runtime.code.CodeManifest;
import dev.flytejava.runtime.idl.CompileOptions;
import dev.flytejava.runtime.idl.CompiledSpec;
import dev.flytejava.runtime.idl.EntitySet;
import dev.flytejava.runtime.idl.IdlCompiler;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.TaskBody;
import dev.flytejava.runtime.packaging.ShippedCode;
import dev.flytejava.runtime.storage.StorageUri;
import dev.flytejava.runtime.types.TypeEngine;
import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.service.AdminServiceGrpc.AdminServiceBlockingStub;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Java tasks as a container runs them in the testkit: static methods of this module's test classes, shipped as a
 * code archive, run by the runtime's entrypoint in a separate JVM that sees only the uploaded classes.
 */
final class ShippedJavaTasks {
  static final String PROJECT = "flytesnacks";
  static final String DOMAIN = "development";

  private ShippedJavaTasks() {}

  /** A task named {@code name} whose body is the static method {@code owner.method(parameters)}. */
  static Task task(Class<?> owner, String name, String method, Class<?>... parameters) throws Exception {
    Method m = owner.getMethod(method, parameters);
    Task.Builder t = Task.builder(name).returns(m.getGenericReturnType()).body(TaskBody.invoking(m));
    for (int i = 0; i < parameters.length; i++) {
      t.input(m.getParameters()[i].getName(), m.getGenericParameterTypes()[i]);
    }
    return t.build();
  }

  /** The shipped code of {@code classes}, with a manifest entry per task (same name as its method). */
  static ShippedCode code(List<Class<?>> classes, Map<String, Method> tasks) throws Exception {
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    for (Class<?> c : classes) {
      try (InputStream in = c.getResourceAsStream(c.getName().substring(c.getName().lastIndexOf('.') + 1) + ".class")) {
        bytes.put(c.getName(), in.readAllBytes());
      }
    }
    List<CodeManifest.TaskEntry> entries = new ArrayList<>();
    tasks.forEach((name, m) -> entries.add(new CodeManifest.TaskEntry(name, m.getDeclaringClass().getName(),
        m.getName(), java.util.Arrays.stream(m.getParameters()).map(java.lang.reflect.Parameter::getName).toList(),
        List.of())));
    return ShippedCode.of(CodeArchive.files(CodeClosure.of(List.of(), bytes, List.of()), entries));
  }

  /**
   * A bin directory under {@code dir} whose {@code flyte-java} is the runtime's entrypoint on this test's class path
   * without this module's test classes (only {@link EntrypointMain} is copied): the tasks' classes come from the
   * uploaded code.
   */
  static Path entrypointBin(Path dir) throws Exception {
    Path testClasses = Path.of(ShippedJavaTasks.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String entrypoint = EntrypointMain.class.getName().replace('.', '/') + ".class";
    Path launcher = dir.resolve("launcher-classes");
    Files.createDirectories(launcher.resolve(entrypoint).getParent());
    Files.copy(testClasses.resolve(entrypoint), launcher.resolve(entrypoint));
    List<String> classPath = new ArrayList<>(List.of(launcher.toString()));
    for (String entry : System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
        .split(java.io.File.pathSeparator)) {
      if (!entry.isEmpty() && !Path.of(entry).toAbsolutePath().equals(testClasses.toAbsolutePath())) {
        classPath.add(entry);
      }
    }
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path script = bin.resolve("flyte-java");
    Files.writeString(script, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
        + "' -XX:TieredStopAtLevel=1 -cp '" + String.join(java.io.File.pathSeparator, classPath) + "' "
        + EntrypointMain.class.getName() + " \"$@\"\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }

  /** Uploads {@code code}, registers every spec of {@code entities} as flytectl would, and gives the launch plan. */
  static Identifier register(TestAdmin server, AdminServiceBlockingStub admin, TypeEngine engine, EntitySet entities,
      ShippedCode code) throws Exception {
    StorageUri codeUri = server.storageRoot().resolve(PROJECT + "/" + DOMAIN + "/" + code.fileName());
    server.storage().write(codeUri, code.tarGz());
    FlytectlHydration hydration = new FlytectlHydration(PROJECT, DOMAIN, "v1", codeUri.toString());
    Identifier launchPlan = null;
    for (CompiledSpec spec : new IdlCompiler(engine).compile(entities, CompileOptions.forPackage(), code.digest())
        .specs()) {
      Message hydrated = hydration.hydrate(spec.message());
      GoldenSpecs.register(admin, hydrated);
      if (hydrated instanceof LaunchPlan lp) {
        launchPlan = lp.getId();
      }
    }
    return launchPlan;
  }

  /** The execution once it reaches {@code phase}; fails when it ends in another phase or takes over 90 s. */
  static Execution await(AdminServiceBlockingStub admin, WorkflowExecutionIdentifier id,
      WorkflowExecution.Phase phase) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(90);
    while (true) {
      Execution e = admin.getExecution(WorkflowExecutionGetRequest.newBuilder().setId(id).build());
      if (e.getClosure().getPhase() == phase) {
        return e;
      }
      if (Instant.now().isAfter(deadline) || e.getClosure().getPhase() == WorkflowExecution.Phase.FAILED
          || e.getClosure().getPhase() == WorkflowExecution.Phase.SUCCEEDED
          || e.getClosure().getPhase() == WorkflowExecution.Phase.ABORTED) {
        throw new AssertionError("execution is " + e.getClosure().getPhase() + ", not " + phase + ": "
            + e.getClosure().getError());
      }
      Thread.sleep(100);
    }
  }
}
