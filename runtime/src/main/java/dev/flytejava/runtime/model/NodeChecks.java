package dev.flytejava.runtime.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Shared compact-constructor checks of the node records. */
final class NodeChecks {
  private NodeChecks() {}

  static String id(String id) {
    return Names.requireIdentifier(id, "node id");
  }

  static Map<String, Binding> inputs(Map<String, Binding> inputs) {
    inputs.forEach((k, v) -> Objects.requireNonNull(v, () -> "binding of input [" + k + "]"));
    return Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
  }

  static List<String> after(List<String> after) {
    return List.copyOf(after);
  }
}
