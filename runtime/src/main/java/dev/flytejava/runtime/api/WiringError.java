package dev.flytejava.runtime.api;

/**
 * One problem found when a workflow is built: where ({@code node} id or {@code null} for the workflow itself,
 * {@code input} or {@code null}) and what, as a full sentence in {@link #message()}.
 */
public record WiringError(String node, String input, String message) {
  @Override
  public String toString() {
    return message;
  }
}
