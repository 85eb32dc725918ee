package dev.flytejava.runtime.plugins;

import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.TaskTemplate;
import java.time.Duration;

/**
 * Runs an {@link AgentPlugin} task to its end as FlytePropeller's agent plugin does: create, then get every poll
 * interval until it succeeds or fails; on timeout or interruption the resource is deleted and the call fails.
 */
final class AgentPolling implements TaskTypePlugin {
  private final AgentPlugin agent;

  AgentPolling(AgentPlugin agent) {
    this.agent = agent;
  }

  @Override
  public String taskType() {
    return agent.taskType();
  }

  @Override
  public LiteralMap execute(TaskTemplate template, LiteralMap inputs) throws Exception {
    String task = template.getId().getName();
    Duration interval = agent.pollInterval(template);
    Duration timeout = agent.timeout(template);
    long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
    byte[] meta = agent.create(template, inputs);
    boolean done = false;
    try {
      while (true) {
        AgentResource r = agent.get(template, meta);
        switch (r.phase()) {
          case SUCCEEDED -> {
            done = true;
            return r.outputs();
          }
          case FAILED -> {
            done = true;
            throw new AgentTaskException(task + " (" + agent.taskType() + ") failed: " + r.message());
          }
          case RUNNING -> {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
              throw new AgentTaskException(task + " (" + agent.taskType() + ") timed out after "
                  + text(timeout) + (r.message().isEmpty() ? "" : ": " + r.message()));
            }
            Thread.sleep(Math.max(1, Math.min(interval.toMillis(), left / 1_000_000 + 1)));
          }
        }
      }
    } finally {
      if (!done) {
        agent.delete(template, meta);
      }
    }
  }

  /** 30s, 1500ms: as the options spell durations. */
  static String text(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }
}
