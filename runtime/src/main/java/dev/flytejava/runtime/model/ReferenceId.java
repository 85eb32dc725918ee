package dev.flytejava.runtime.model;

/**
 * The full identifier of an entity registered elsewhere, which a reference task or launch plan stands for:
 * {@code project:domain:name:version}, every part given.
 */
public record ReferenceId(String project, String domain, String name, String version) {
  public ReferenceId {
    requireNonBlank(project, "project");
    requireNonBlank(domain, "domain");
    requireNonBlank(name, "name");
    requireNonBlank(version, "version");
  }

  /** {@code PROJECT:DOMAIN:NAME:VERSION}. */
  public static ReferenceId parse(String text) {
    String[] parts = text.split(":", -1);
    if (parts.length != 4 || java.util.Arrays.stream(parts).anyMatch(String::isBlank)) {
      throw new IllegalArgumentException("a reference is PROJECT:DOMAIN:NAME:VERSION, got [" + text + "]");
    }
    return new ReferenceId(parts[0], parts[1], parts[2], parts[3]);
  }

  @Override
  public String toString() {
    return project + ":" + domain + ":" + name + ":" + version;
  }

  private static void requireNonBlank(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a reference needs a " + what);
    }
  }
}
