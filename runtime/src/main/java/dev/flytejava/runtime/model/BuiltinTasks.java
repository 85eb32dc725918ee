package dev.flytejava.runtime.model;

import java.lang.reflect.Type;

/**
 * Small tasks the workflow DSL needs where Flyte needs a node: a branch arm that returns a value it already has
 * ({@code else { return b; }}) becomes an identity task, and a branch without {@code else} that only has side effects
 * gets a task that does nothing. They are the runtime's own: they ship with no code, and the container's entrypoint
 * runs them by name, passing the input literal through (so each identity task is named after its type, as one name
 * must keep one interface on a cluster).
 */
public final class BuiltinTasks {
  private BuiltinTasks() {}

  /** Every built-in task's name starts with this. */
  public static final String PREFIX = "flyte-java.";
  public static final String IDENTITY = PREFIX + "identity";
  public static final String NOTHING = PREFIX + "nothing";
  public static final String IDENTITY_INPUT = "value";
  /**
   * Not a task of its own: the entrypoint's name for "run the task whose template {@code --code} points at" (a task of
   * a plugin's type that ships no code, e.g. the SQL task, passes {@code {{.taskTemplatePath}}} there).
   */
  public static final String FROM_TEMPLATE = PREFIX + "from-template";

  public static boolean isBuiltin(String taskName) {
    return taskName.startsWith(PREFIX);
  }

  public static boolean isIdentity(String taskName) {
    return taskName.startsWith(IDENTITY + "-");
  }

  /** {@code flyte-java.identity-long}, {@code flyte-java.identity-java-util-list-java-lang-long-}. */
  public static Task identity(Type type) {
    String tag = type.getTypeName().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    return Task.builder(IDENTITY + "-" + tag).input(IDENTITY_INPUT, type).returns(type)
        .codeHash("identity-v1").body(in -> in[0]).build();
  }

  public static Task nothing() {
    return Task.builder(NOTHING).codeHash("nothing-v1").body(in -> null).build();
  }
}
