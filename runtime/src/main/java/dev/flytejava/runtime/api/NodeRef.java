package dev.flytejava.runtime.api;

import dev.flytejava.runtime.model.Binding;
import dev.flytejava.runtime.model.TypedInterface;

/** A handle on a node added to a {@link WorkflowBuilder}, to bind its outputs downstream. */
public record NodeRef(String id) {
  /** Binding to output {@code name} of this node. */
  public Binding output(String name) {
    return Binding.output(id, name);
  }

  /** Binding to the single output {@code o0} of this node. */
  public Binding output() {
    return Binding.output(id, TypedInterface.SINGLE_OUTPUT);
  }
}
