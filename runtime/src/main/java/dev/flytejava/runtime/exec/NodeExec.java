package dev.flytejava.runtime.exec;

import flyteidl.core.Literals.Literal;

/** How one kind of node turns its resolved input literals into output literals inside a {@link Run}. */
abstract class NodeExec {
  /**
   * Runs the node at path {@code prefix/id}. Records attempts and cache hits into {@code run} at {@code index}; throws
   * {@link NodeFailedException} on failure.
   */
  abstract Literal[] execute(Run run, int index, String prefix, String id, Literal[] inputs);

  /** Whether this node is known to finish so fast that handing it to another thread costs more than it. */
  boolean isQuick() {
    return false;
  }

  /** Whether this exec reports RUNNING/SUCCEEDED/FAILED of its own path (task runners do). */
  boolean reportsOwnEvents() {
    return false;
  }

  /** The task name for error messages, or {@code null}. */
  String taskName() {
    return null;
  }
}
