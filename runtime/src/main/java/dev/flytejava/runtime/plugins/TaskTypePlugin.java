package dev.flytejava.runtime.plugins;

import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.TaskTemplate;

/**
 * A task type this runtime can run from its compiled template alone, found with {@link java.util.ServiceLoader}
 * (list implementations in {@code META-INF/services/dev.flytejava.runtime.plugins.TaskTypePlugin}). The container
 * entrypoint and test doubles of Flyte's backend use it to run a registered task of that type; locally the same code
 * runs through the task's {@link PluginBody}.
 */
public interface TaskTypePlugin {
  /** The task type, as in {@link TaskTemplate#getType()}. */
  String taskType();

  /** Runs one task of this type: inputs and outputs as literals, per the template's interface. */
  LiteralMap execute(TaskTemplate template, LiteralMap inputs) throws Exception;
}
