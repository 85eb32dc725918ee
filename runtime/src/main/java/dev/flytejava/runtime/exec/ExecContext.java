package dev.flytejava.runtime.exec;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;

/** What one top-level execution shares with all nested runs: id, listeners, cache, thread pool and bounds. */
final class ExecContext {
  final String executionId;
  final List<ExecutionListener> listeners;
  final boolean listening;
  final TaskCache cache;
  final ExecutorService pool;
  final int parallelism;

  ExecContext(String executionId, List<ExecutionListener> listeners, TaskCache cache, ExecutorService pool,
      int parallelism) {
    this.executionId = executionId;
    this.listeners = listeners;
    this.listening = !listeners.isEmpty();
    this.cache = cache;
    this.pool = pool;
    this.parallelism = parallelism;
  }

  /** Reports a state change; callers check {@link #listening} first to skip building the event. */
  void emit(String path, NodeState state, int attempt, long startNanos, Throwable error) {
    Duration elapsed = startNanos == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - startNanos);
    NodeEvent event = new NodeEvent(executionId, path, state, attempt, elapsed, error);
    for (ExecutionListener l : listeners) {
      try {
        l.onNodeEvent(event);
      } catch (RuntimeException ignored) {
        // a broken listener must not fail the execution
      }
    }
  }
}
