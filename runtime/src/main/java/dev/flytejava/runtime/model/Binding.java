package dev.flytejava.runtime.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a node input (or a workflow output, or a branch operand) gets its value from, as Flyte's
 * {@code BindingData}: a workflow input, a literal Java value (converted with the type the receiving input
 * declares), the output of an upstream node, or a list or string-keyed map of bindings.
 */
public sealed interface Binding
    permits Binding.InputRef, Binding.Constant, Binding.OutputRef, Binding.ListOf, Binding.MapOf {

  /** The workflow input {@code name}. */
  static Binding input(String name) {
    return new InputRef(name);
  }

  /** A constant Java value; {@code null} only for an {@code Optional}-typed input. */
  static Binding literal(Object value) {
    return new Constant(value);
  }

  /** Output {@code outputName} of node {@code nodeId}. */
  static Binding output(String nodeId, String outputName) {
    return new OutputRef(nodeId, outputName);
  }

  /** Output {@code o0} of node {@code nodeId}. */
  static Binding output(String nodeId) {
    return new OutputRef(nodeId, TypedInterface.SINGLE_OUTPUT);
  }

  static Binding list(List<Binding> items) {
    return new ListOf(items);
  }

  static Binding list(Binding... items) {
    return new ListOf(List.of(items));
  }

  static Binding map(Map<String, Binding> entries) {
    return new MapOf(entries);
  }

  record InputRef(String name) implements Binding {
    public InputRef {
      Names.requireNonBlank(name, "input name");
    }

    @Override
    public String toString() {
      return name;
    }
  }

  record Constant(Object value) implements Binding {
    @Override
    public String toString() {
      return String.valueOf(value);
    }
  }

  record OutputRef(String nodeId, String outputName) implements Binding {
    public OutputRef {
      Names.requireNonBlank(nodeId, "node id");
      Names.requireNonBlank(outputName, "output name");
    }

    @Override
    public String toString() {
      return nodeId + "." + outputName;
    }
  }

  record ListOf(List<Binding> items) implements Binding {
    public ListOf {
      items = List.copyOf(items);
    }

    @Override
    public String toString() {
      return items.toString();
    }
  }

  record MapOf(Map<String, Binding> entries) implements Binding {
    public MapOf {
      entries.forEach((k, v) -> Objects.requireNonNull(v, () -> "binding of map key [" + k + "]"));
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }

    @Override
    public String toString() {
      return entries.toString();
    }
  }
}
