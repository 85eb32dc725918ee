package dev.flytejava.runtime.plugins;

import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.TaskTemplate;
import java.time.Duration;

/**
 * A backend plugin in the shape of a Flyte agent ({@code flyteidl.service.AsyncAgentService}): {@link #create} starts
 * the work and returns the resource meta that names it, {@link #get} polls it, {@link #delete} cancels it. Found with
 * {@link java.util.ServiceLoader} ({@code META-INF/services/dev.flytejava.runtime.plugins.AgentPlugin}); locally and
 * in the test doubles {@link AgentPolling} drives it as FlytePropeller's agent plugin does.
 */
public interface AgentPlugin {
  String taskType();

  /** Starts the task; the returned bytes are handed back to {@link #get} and {@link #delete}. */
  byte[] create(TaskTemplate template, LiteralMap inputs) throws Exception;

  AgentResource get(TaskTemplate template, byte[] resourceMeta) throws Exception;

  void delete(TaskTemplate template, byte[] resourceMeta) throws Exception;

  /** How long to wait between two {@link #get} calls for this template. */
  default Duration pollInterval(TaskTemplate template) {
    return Duration.ofSeconds(1);
  }

  /** How long the task may take before it is deleted and fails; null for no limit. */
  default Duration timeout(TaskTemplate template) {
    return template.getMetadata().hasTimeout()
        ? Duration.ofSeconds(template.getMetadata().getTimeout().getSeconds(), template.getMetadata().getTimeout().getNanos())
        : null;
  }
}
