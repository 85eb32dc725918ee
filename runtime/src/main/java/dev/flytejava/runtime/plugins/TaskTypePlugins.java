package dev.flytejava.runtime.plugins;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The {@link TaskTypePlugin}s and {@link AgentPlugin}s on a class path, by task type. */
public final class TaskTypePlugins {
  private TaskTypePlugins() {}

  public static Map<String, TaskTypePlugin> taskTypes(ClassLoader loader) {
    Map<String, TaskTypePlugin> out = new TreeMap<>();
    for (TaskTypePlugin p : ServiceLoader.load(TaskTypePlugin.class, loader)) {
      out.putIfAbsent(p.taskType(), p);
    }
    return out;
  }

  public static Map<String, AgentPlugin> agents(ClassLoader loader) {
    Map<String, AgentPlugin> out = new TreeMap<>();
    for (AgentPlugin p : ServiceLoader.load(AgentPlugin.class, loader)) {
      out.putIfAbsent(p.taskType(), p);
    }
    return out;
  }

  /** The plugin of a task type: a task-type plugin, else an agent run by its polling loop. */
  public static Optional<TaskTypePlugin> find(String taskType, ClassLoader loader) {
    TaskTypePlugin direct = taskTypes(loader).get(taskType);
    if (direct != null) {
      return Optional.of(direct);
    }
    AgentPlugin agent = agents(loader).get(taskType);
    return agent == null ? Optional.empty() : Optional.of(new AgentPolling(agent));
  }
}
