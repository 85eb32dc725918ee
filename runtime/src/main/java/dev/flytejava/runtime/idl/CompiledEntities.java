package dev.flytejava.runtime.idl;

import dev.flytejava.runtime.model.EntityId;
import java.util.List;
import java.util.Objects;

/**
 * The compiled specs in registration order (tasks before the workflows that use them, subworkflows and launch
 * plans of nodes before their parents, each workflow before its launch plans) and the version stamped into their
 * identifiers: one for all, or, when {@code versionPerEntity}, each entity's own content hash ({@code version} is
 * then the root entity's, the last spec's).
 */
public record CompiledEntities(List<CompiledSpec> specs, String version, boolean versionPerEntity) {

  public CompiledEntities {
    specs = List.copyOf(specs);
    Objects.requireNonNull(version, "version");
  }

  /** One version for every entity, as {@code pyflyte package} stamps them. */
  public CompiledEntities(List<CompiledSpec> specs, String version) {
    this(specs, version, false);
  }

  /** The spec of that kind and name, or null. */
  public CompiledSpec find(EntityId.Kind kind, String name) {
    for (CompiledSpec s : specs) {
      if (s.kind() == kind && s.name().equals(name)) {
        return s;
      }
    }
    return null;
  }

  /** The specs of one kind, in order. */
  public List<CompiledSpec> ofKind(EntityId.Kind kind) {
    return specs.stream().filter(s -> s.kind() == kind).toList();
  }
}
