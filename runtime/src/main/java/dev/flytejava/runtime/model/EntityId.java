package dev.flytejava.runtime.model;

import java.util.Objects;

/**
 * Identifies a registered Flyte entity (Flyte's {@code core.Identifier}): its kind, project, domain, name and
 * version. Local runs need none; the idl and remote packages assign them when registering.
 */
public record EntityId(Kind kind, String project, String domain, String name, String version) {

  /** Flyte's {@code ResourceType} values this project registers. */
  public enum Kind { TASK, WORKFLOW, LAUNCH_PLAN }

  public EntityId {
    Objects.requireNonNull(kind, "kind");
    Names.requireNonBlank(project, "project");
    Names.requireNonBlank(domain, "domain");
    Names.requireNonBlank(name, "name");
    Names.requireNonBlank(version, "version");
  }

  public static EntityId task(String project, String domain, String name, String version) {
    return new EntityId(Kind.TASK, project, domain, name, version);
  }

  public static EntityId workflow(String project, String domain, String name, String version) {
    return new EntityId(Kind.WORKFLOW, project, domain, name, version);
  }

  public static EntityId launchPlan(String project, String domain, String name, String version) {
    return new EntityId(Kind.LAUNCH_PLAN, project, domain, name, version);
  }

  @Override
  public String toString() {
    return kind + ":" + project + ":" + domain + ":" + name + ":" + version;
  }
}
