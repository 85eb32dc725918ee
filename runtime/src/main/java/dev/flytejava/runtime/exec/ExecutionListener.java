package dev.flytejava.runtime.exec;

/**
 * Sees every node state change of the executions of a {@link LocalExecutor} (the kernel draws live progress
 * with it). Called on the worker thread that changes the state, so implementations must be thread-safe and
 * quick. An exception thrown by a listener is ignored (it never fails the execution).
 */
@FunctionalInterface
public interface ExecutionListener {
  void onNodeEvent(NodeEvent event);
}
