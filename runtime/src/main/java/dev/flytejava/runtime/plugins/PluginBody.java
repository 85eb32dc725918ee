package dev.flytejava.runtime.plugins;

import dev.flytejava.runtime.model.TaskBody;
import flyteidl.core.Tasks.TaskTemplate;

/**
 * The body of a task that a plugin runs: locally it is the plugin's executor (called like any task body, so caching,
 * retries, timeouts and the live view apply unchanged); for the IDL it reshapes the task's template into its own task
 * type. The IDL compiler builds the template of a Java task first (id, metadata, interface, a container with the
 * task's image, resources and env) and then hands it to {@link #shape}, which replaces what its type needs.
 */
public interface PluginBody extends TaskBody {
  /** The task type Flyte's backend dispatches on, e.g. {@code raw-container}. */
  String taskType();

  /** Turns the Java task's template into this plugin's: type, custom, container or other target, config. */
  void shape(TaskTemplate.Builder template);
}
