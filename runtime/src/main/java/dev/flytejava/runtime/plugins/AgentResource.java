package dev.flytejava.runtime.plugins;

import flyteidl.core.Literals.LiteralMap;
import java.util.Objects;

/** What {@link AgentPlugin#get} reports, as the agent service's {@code Resource}: phase, outputs once done, a message. */
public record AgentResource(Phase phase, LiteralMap outputs, String message) {
  public enum Phase { RUNNING, SUCCEEDED, FAILED }

  public AgentResource {
    Objects.requireNonNull(phase, "phase");
    outputs = outputs == null ? LiteralMap.getDefaultInstance() : outputs;
    message = message == null ? "" : message;
  }

  public static AgentResource running(String message) {
    return new AgentResource(Phase.RUNNING, null, message);
  }

  public static AgentResource succeeded(LiteralMap outputs) {
    return new AgentResource(Phase.SUCCEEDED, outputs, null);
  }

  public static AgentResource failed(String message) {
    return new AgentResource(Phase.FAILED, null, message);
  }
}
