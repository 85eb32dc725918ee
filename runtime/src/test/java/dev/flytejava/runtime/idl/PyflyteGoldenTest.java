package dev.flytejava.runtime.idl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import dev.flytejava.runtime.golden.GoldenSet;
import dev.flytejava.runtime.model.EntityId;
import dev.flytejava.runtime.types.TypeEngine;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;
import flyteidl.core.Tasks.TaskMetadata;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import flyteidl.core.Workflow.Node;
import flyteidl.core.Workflow.NodeMetadata;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Our specs of {@link OrdersProject} against pyflyte's of the same flytekit project (the modern golden set), field
 * by field: equal once the differences that are ours by design are taken out of both, each listed in
 * {@link #normalizeGolden} and {@link #normalizeOurs}. So every field flytekit sets we set the same way: node
 * layout, bindings and their order, node and task metadata, resources, the array node, the branch, the launch
 * plans with their literals (the msgpack bytes of a record default included).
 */
class PyflyteGoldenTest {
  private final TypeEngine engine = TypeEngine.createDefault(getClass().getClassLoader());

  @Test
  void ordersCompileToPyflytesSpecsUpToTheJavaDifferences() {
    CompiledEntities ours = new IdlCompiler(engine).compile(new OrdersProject(engine).entities(),
        CompileOptions.forPackage(), "digest");
    List<GoldenSet.Spec> golden = GoldenSet.modern().specs();
    assertEquals(golden.stream().map(GoldenSet.Spec::file).toList(), dev.flytejava.runtime.packaging.PackageLayout.fileNames(ours),
        "file names and registration order");
    for (int i = 0; i < golden.size(); i++) {
      CompiledSpec spec = ours.specs().get(i);
      Message expected = normalizeGolden(golden.get(i).message());
      Message actual = normalizeOurs(spec.message());
      assertEquals(TextFormat.printer().printToString(expected), TextFormat.printer().printToString(actual),
          golden.get(i).file());
      assertEquals(expected, actual, golden.get(i).file());
    }
  }

  @Test
  void javaTasksSetRuntimeTypeImageArgsAndACodeBoundCacheVersion() {
    CompiledEntities ours = new IdlCompiler(engine).compile(new OrdersProject(engine).entities(),
        CompileOptions.forPackage(), "digest");
    TaskTemplate lineTotal = ((TaskSpec) ours.find(EntityId.Kind.TASK, "orders.tasks.line_total").message())
        .getTemplate();
    assertEquals("java-task", lineTotal.getType());
    assertEquals("java", lineTotal.getMetadata().getRuntime().getFlavor());
    assertEquals(IdlCompiler.SDK_VERSION, lineTotal.getMetadata().getRuntime().getVersion());
    assertEquals(CompileOptions.DEFAULT_IMAGE, lineTotal.getContainer().getImage());
    assertEquals(EntrypointArgs.forTask("orders.tasks.line_total"), lineTotal.getContainer().getArgsList());
    assertTrue(lineTotal.getMetadata().getDiscoveryVersion().matches("1\\.0-[0-9a-f]{16}"),
        lineTotal.getMetadata().getDiscoveryVersion());
    TaskTemplate map = ((TaskSpec) ours.find(EntityId.Kind.TASK,
        "orders.tasks.map_line_total_cfcdab58c36167a169183ce07b595544-arraynode").message()).getTemplate();
    assertEquals(EntrypointArgs.forTask("orders.tasks.line_total"), map.getContainer().getArgsList(),
        "propeller gives each element's inputs to the map task, which runs the mapped task");
    assertEquals(lineTotal.getMetadata().getDiscoveryVersion(), map.getMetadata().getDiscoveryVersion());
  }

  /** pyflyte's spec without what has no counterpart in our model or is Python's by nature. */
  private static Message normalizeGolden(Message m) {
    return ProtoWalk.map(m, x -> {
      if (x instanceof TaskTemplate t) {
        return withoutLanguage(t);
      }
      if (x instanceof TaskMetadata md) {
        // no model counterpart: cache_serialize=True, interruptible=True
        return md.toBuilder().clearCacheSerializable().clearInterruptibleValue().clearDiscoveryVersion().build();
      }
      if (x instanceof NodeMetadata md && md.getInterruptible()) {
        return md.toBuilder().clearInterruptibleValue().build(); // a task's interruptible=True
      }
      if (x instanceof Node n && n.hasBranchNode()) {
        // our branch node has no name of its own beside its id ("discount" in flytekit)
        return sortedUpstream(n.toBuilder().setMetadata(n.getMetadata().toBuilder().setName(n.getId())).build());
      }
      if (x instanceof Node n) {
        return sortedUpstream(n);
      }
      if (x instanceof WorkflowSpec w) {
        // the docstring of a flytekit workflow becomes its short description
        return w.toBuilder().setDescription(w.getDescription().toBuilder().clearShortDescription()).build();
      }
      return withoutStructSchema(x);
    });
  }

  /** Ours without what is Java's by design: task type, runtime, image, args, the code part of cache versions. */
  private static Message normalizeOurs(Message m) {
    return ProtoWalk.map(m, x -> {
      if (x instanceof TaskTemplate t) {
        return withoutLanguage(t);
      }
      if (x instanceof TaskMetadata md) {
        return md.toBuilder().clearDiscoveryVersion().build();
      }
      if (x instanceof Node n) {
        return sortedUpstream(n);
      }
      if (x instanceof flyteidl.core.IdentifierOuterClass.Identifier id) {
        return id.toBuilder().clearVersion().build(); // pyflyte leaves versions to flytectl
      }
      return withoutStructSchema(x);
    });
  }

  private static TaskTemplate withoutLanguage(TaskTemplate t) {
    TaskTemplate.Builder b = t.toBuilder().clearType();
    b.getMetadataBuilder().getRuntimeBuilder().clearVersion().clearFlavor();
    b.getContainerBuilder().clearImage().clearArgs();
    return b.build();
  }

  /** A STRUCT's JSON schema comes from Jackson here and from mashumaro there; its structure and tags must agree. */
  private static Message withoutStructSchema(Message x) {
    if (x instanceof LiteralType t && t.hasSimple() && t.getSimple() == SimpleType.STRUCT) {
      return t.toBuilder().clearMetadata().build();
    }
    return x;
  }

  private static Node sortedUpstream(Node n) {
    // flytekit lists upstream nodes in set order
    return n.toBuilder().clearUpstreamNodeIds().addAllUpstreamNodeIds(n.getUpstreamNodeIdsList().stream().sorted()
        .toList()).build();
  }
}
