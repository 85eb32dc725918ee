/**
 * Plugins, after the "plugin hierarchy" of Flyte's guide to extending it: raw container tasks ({@link ContainerTask}),
 * a pre-built container plugin ({@link SqlTask}), a user-container plugin of a type Flyte's backend knows
 * ({@link PodTask}, the sidecar plugin), and backend plugins shaped as Flyte agents ({@link AgentPlugin}, with the file
 * sensor {@link FileSensor}). A plugin task is a {@link dev.flytejava.runtime.model.Task} whose body is a
 * {@link PluginBody}; {@link TaskTypePlugin}s and {@link AgentPlugin}s are found with {@link java.util.ServiceLoader}.
 */
package dev.flytejava.runtime.plugins;
