package dev.flytejava.runtime.idl;

import dev.flytejava.runtime.types.TypeEngine;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Compiles tasks, workflows and launch plans to the messages FlyteAdmin registers ({@code admin.TaskSpec},
 * {@code admin.WorkflowSpec}, {@code admin.LaunchPlan}), laid out as flytekit 1.16 writes them for
 * {@code pyflyte package}. The one place where our model records become Flyte protos.
 *
 * <pre>{@code
 * IdlCompiler compiler = new IdlCompiler(engine);
 * CompiledEntities specs = compiler.compile(EntitySet.of(pipeline), CompileOptions.forPackage(), code.digest());
 * }</pre>
 *
 * Interfaces and literals come from the type engine. Every problem (a type without transformer, a value that does
 * not convert, an unbound input, two different entities of one name) is collected and thrown as one
 * {@link IdlCompileException} naming entity, node and input.
 */
public final class IdlCompiler {
  /** The flyte-java version written into every task's runtime metadata. */
  public static final String SDK_VERSION = "0.1.0";

  private final TypeEngine engine;

  public IdlCompiler(TypeEngine engine) {
    this.engine = Objects.requireNonNull(engine, "engine");
  }

  /**
   * The specs of {@code set} and of everything it uses, in registration order. Identifiers get the options' project
   * and domain and their version, or else {@link Versions#contentHash} of {@code codeDigest} (the shipped code's
   * digest) and the specs.
   */
  public CompiledEntities compile(EntitySet set, CompileOptions options, String codeDigest) {
    Objects.requireNonNull(set, "set");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(codeDigest, "codeDigest");
    List<CompiledSpec> blank = new Compilation(engine, options).run(set);
    String version = options.version() != null ? options.version() : Versions.contentHash(codeDigest, blank);
    return new CompiledEntities(SpecRewrite.identifiers(blank, options.project(), options.domain(), version), version);
  }

  /**
   * As {@link #compile}, but without {@code --version} each entity gets a version of its own: a task's is the hash
   * of its spec and of {@code taskCodeDigests}' entry for the task its container runs (its code closure), a
   * workflow's or launch plan's the hash of its spec with the versions of what it refers to. Editing the code of one
   * task thus gives new versions to that task and to the workflows and launch plans above it, and to nothing else.
   */
  public CompiledEntities compilePerEntity(EntitySet set, CompileOptions options, String codeDigest,
      Map<String, String> taskCodeDigests) {
    if (options.version() != null) {
      return compile(set, options, codeDigest);
    }
    List<CompiledSpec> blank = new Compilation(engine, options).run(set);
    Map<String, String> versions = new HashMap<>();
    for (CompiledSpec spec : blank) { // dependencies come first, so their versions are known
      CompiledSpec referring = SpecRewrite.identifiers(List.of(spec), "", "", id -> id.getResourceType()
          == spec.id().getResourceType() && id.getName().equals(spec.name()) ? "" : versions.getOrDefault(key(id), ""))
          .get(0);
      String code = spec instanceof CompiledSpec.OfTask t ? taskCodeDigests.getOrDefault(EntrypointArgs.taskName(
          t.spec().getTemplate()), "") : "";
      versions.put(key(spec.id()), Versions.contentHash(code, List.of(referring)));
    }
    List<CompiledSpec> specs = SpecRewrite.identifiers(blank, options.project(), options.domain(),
        id -> versions.getOrDefault(key(id), ""));
    return new CompiledEntities(specs, specs.get(specs.size() - 1).id().getVersion(), true);
  }

  private static String key(flyteidl.core.IdentifierOuterClass.Identifier id) {
    return id.getResourceType() + ":" + id.getName();
  }
}
