package dev.flytejava.runtime.exec;

import java.time.Duration;

/** An attempt of a task ran longer than its timeout and was interrupted. */
public class TaskTimeoutException extends RuntimeException {
  private final String taskName;
  private final Duration timeout;

  public TaskTimeoutException(String taskName, Duration timeout) {
    super("Task [" + taskName + "] timed out after [" + timeout + "]");
    this.taskName = taskName;
    this.timeout = timeout;
  }

  public String taskName() {
    return taskName;
  }

  public Duration timeout() {
    return timeout;
  }
}
