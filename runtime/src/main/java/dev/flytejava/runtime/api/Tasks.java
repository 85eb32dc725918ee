package dev.flytejava.runtime.api;

import dev.flytejava.runtime.model.CodeHashes;
import dev.flytejava.runtime.model.Task;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Tasks from plain Java methods: the method's parameters (names and generic types) are the inputs, its return
 * type gives the outputs, {@link FlyteTask} gives name and options, and the code hash is the hash of the
 * declaring class file (so a changed class never reuses old cached results).
 *
 * <pre>{@code
 * public final class MyTasks {
 *   @FlyteTask(cache = "v1") public static long addOne(long x) { return x + 1; }
 * }
 * List<Task> tasks = Tasks.fromClass(MyTasks.class);
 * }</pre>
 */
public final class Tasks {
  private Tasks() {}

  /** Every static method annotated {@link FlyteTask} of {@code type}, sorted by task name. */
  public static List<Task> fromClass(Class<?> type) {
    List<Task> tasks = new ArrayList<>();
    String classHash = null; // every task of the class shares its class file: read and hash it once
    for (Method m : type.getDeclaredMethods()) {
      if (m.isAnnotationPresent(FlyteTask.class) && Modifier.isStatic(m.getModifiers())) {
        if (tasks.isEmpty()) {
          classHash = CodeHashes.ofClass(type);
        }
        tasks.add(fromMethod(null, m, classHash));
      }
    }
    tasks.sort(Comparator.comparing(Task::name));
    return tasks;
  }

  /** The static method {@code name} of {@code type} (which must be the only method of that name). */
  public static Task fromMethod(Class<?> type, String name) {
    Method[] found = Arrays.stream(type.getDeclaredMethods()).filter(m -> m.getName().equals(name))
        .toArray(Method[]::new);
    if (found.length != 1) {
      throw new IllegalArgumentException("Expected one method [" + name + "] in [" + type.getName() + "] but found "
          + found.length);
    }
    return fromMethod(null, found[0]);
  }

  /**
   * A task calling {@code method} on {@code target} ({@code null} for a static method). The method need not be
   * annotated; without {@link FlyteTask} it gets the method name and default options.
   */
  public static Task fromMethod(Object target, Method method) {
    return fromMethod(target, method, CodeHashes.ofClass(method.getDeclaringClass()));
  }

  /** {@code classHash}: {@link CodeHashes#ofClass} of the method's declaring class, {@code null} if unreadable. */
  private static Task fromMethod(Object target, Method method, String classHash) {
    boolean isStatic = Modifier.isStatic(method.getModifiers());
    if (isStatic != (target == null)) {
      throw new IllegalArgumentException("Method [" + method + "] is " + (isStatic ? "static: pass no target"
          : "an instance method: pass its target"));
    }
    FlyteTask ann = method.getAnnotation(FlyteTask.class);
    String name = ann != null && !ann.name().isEmpty() ? ann.name() : method.getName();
    Task.Builder b = Task.builder(name);
    for (Parameter p : method.getParameters()) {
      if (!p.isNamePresent()) {
        throw new IllegalArgumentException("Parameter names of [" + method + "] were not compiled in: compile with"
            + " javac -parameters (maven-compiler-plugin <parameters>true</parameters>) so inputs get their names");
      }
      b.input(p.getName(), p.getParameterizedType());
    }
    b.returns(method.getGenericReturnType());
    if (ann != null) {
      if (!ann.cache().isEmpty()) {
        b.cache(ann.cache());
      }
      b.retries(ann.retries());
      if (!ann.timeout().isEmpty()) {
        b.timeout(Durations.parse(ann.timeout()));
      }
      if (!ann.image().isEmpty()) {
        b.image(ann.image());
      }
    }
    if (classHash != null) {
      b.codeHash(classHash + ":" + method.getName());
    }
    // methods of non-public classes (tests, notebook cells) are ours to call
    method.trySetAccessible();
    b.body(args -> {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        if (cause instanceof Exception ex) {
          throw ex;
        }
        if (cause instanceof Error err) {
          throw err;
        }
        throw e;
      }
    });
    return b.build();
  }
}
