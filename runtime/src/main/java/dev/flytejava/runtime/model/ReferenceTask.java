package dev.flytejava.runtime.model;

import java.util.Objects;

/**
 * A task registered elsewhere (by flytekit, typically), which a workflow calls by its full identifier, as flytekit's
 * {@code reference_task} does: its spec is not compiled or registered again, and a workflow node refers to
 * {@code project:domain:name:version}. Locally it runs the given body, which stands in for it (one that fails with a
 * message saying the task runs only remotely, or a mock).
 */
public final class ReferenceTask implements TaskBody {
  private final ReferenceId id;
  private final TaskBody local;

  private ReferenceTask(ReferenceId id, TaskBody local) {
    this.id = Objects.requireNonNull(id, "id");
    this.local = Objects.requireNonNull(local, "local");
  }

  /** {@code task} as a reference to {@code id}, with its body for local runs. */
  public static Task of(Task task, ReferenceId id) {
    return new Task(task.name(), task.iface(), task.options(), task.codeHash() + "+reference:" + id,
        new ReferenceTask(id, task.body()));
  }

  public ReferenceId id() {
    return id;
  }

  @Override
  public Object run(Object[] inputs) throws Exception {
    return local.run(inputs);
  }

  @Override
  public String toString() {
    return id.toString();
  }
}
