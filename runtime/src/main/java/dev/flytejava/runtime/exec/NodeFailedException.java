package dev.flytejava.runtime.exec;

/**
 * A node (task, subworkflow, branch, map element...) failed and so did the execution. Names the node path from
 * the top ({@code pipeline/n3/b1/n1}), the task (or {@code null} when no task is involved), the attempt that
 * failed out of those allowed, and keeps the cause (the task's exception, a timeout or a type conversion error).
 */
public class NodeFailedException extends RuntimeException {
  private final String nodePath;
  private final String taskName;
  private final int attempt;
  private final int maxAttempts;

  public NodeFailedException(String nodePath, String taskName, int attempt, int maxAttempts, String detail,
      Throwable cause) {
    super("Node [" + nodePath + "]" + (taskName == null ? "" : " (task [" + taskName + "])") + " failed"
        + (attempt > 0 ? " on attempt [" + attempt + "/" + maxAttempts + "]" : "") + ": " + detail, cause);
    this.nodePath = nodePath;
    this.taskName = taskName;
    this.attempt = attempt;
    this.maxAttempts = maxAttempts;
  }

  public String nodePath() {
    return nodePath;
  }

  public String taskName() {
    return taskName;
  }

  /** The attempt that failed last, from 1; 0 when the node failed before running (e.g. bad inputs). */
  public int attempt() {
    return attempt;
  }

  public int maxAttempts() {
    return maxAttempts;
  }
}
