package dev.flytejava.runtime.model;

import java.util.Objects;

/**
 * A task registered elsewhere (by flytekit, typically), which a workflow calls by its full identifier, as flytekit's
 * {@code reference_task} does: its spec is not compiled or registered again, and a workflow node refers to
 * {@code project:domain:name:version}. Locally it runs the given body, which stands in for it (one that fails with a
 * message saying the task runs only remotely, or a mock).
 */
public final class ReferenceTask implements TaskBody {
  private final String project;
  private final String domain;
  private final String name;
  private final String version;
  private final TaskBody local;

  private ReferenceTask(String project, String domain, String name, String version, TaskBody local) {
    this.project = requireNonBlank(project, "project");
    this.domain = requireNonBlank(domain, "domain");
    this.name = requireNonBlank(name, "name");
    this.version = requireNonBlank(version, "version");
    this.local = Objects.requireNonNull(local, "local");
  }

  /** {@code task} as a reference to {@code project:domain:name:version}, with its body for local runs. */
  public static Task of(Task task, String project, String domain, String name, String version) {
    return new Task(task.name(), task.iface(), task.options(),
        task.codeHash() + "+reference:" + project + ":" + domain + ":" + name + ":" + version,
        new ReferenceTask(project, domain, name, version, task.body()));
  }

  /** The reference as {@code project:domain:name:version}. */
  public static String[] parse(String text) {
    String[] parts = text.split(":", -1);
    if (parts.length != 4 || java.util.Arrays.stream(parts).anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("a reference is PROJECT:DOMAIN:NAME:VERSION, got [" + text + "]");
    }
    return parts;
  }

  public String project() {
    return project;
  }

  public String domain() {
    return domain;
  }

  public String name() {
    return name;
  }

  public String version() {
    return version;
  }

  @Override
  public Object run(Object[] inputs) throws Exception {
    return local.run(inputs);
  }

  @Override
  public String toString() {
    return project + ":" + domain + ":" + name + ":" + version;
  }

  private static String requireNonBlank(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a reference task needs a " + what);
    }
    return value;
  }
}
