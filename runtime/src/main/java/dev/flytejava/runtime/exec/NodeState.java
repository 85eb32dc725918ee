package dev.flytejava.runtime.exec;

/** The states a node passes through, as reported to {@link ExecutionListener}s. */
public enum NodeState {
  /** All its upstream nodes are done; waiting for a worker. */
  QUEUED,
  /** An attempt is running ({@link NodeEvent#attempt()} counts from 1). */
  RUNNING,
  SUCCEEDED,
  /** Outputs were served from the cache; the task did not run. */
  CACHED,
  /** Failed after its last attempt. */
  FAILED,
  /** Never ran: an earlier failure stopped the execution, or a teardown's inputs were never produced. */
  SKIPPED;

  public boolean isTerminal() {
    return this == SUCCEEDED || this == CACHED || this == FAILED || this == SKIPPED;
  }
}
