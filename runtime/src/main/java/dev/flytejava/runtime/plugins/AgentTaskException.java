package dev.flytejava.runtime.plugins;

/** An agent task that failed or timed out; the message names the task and why. */
public final class AgentTaskException extends Exception {
  public AgentTaskException(String message) {
    super(message);
  }
}
