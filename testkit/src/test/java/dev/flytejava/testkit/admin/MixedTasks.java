package dev.flytejava.testkit.admin;

import java.util.List;

/** The Java task bodies of {@link PluginExecutionTest}'s workflow, as shipped code: static methods of a class. */
public final class MixedTasks {
  private MixedTasks() {}

  public record Person(String name, long age) {}

  public static long addOne(long x) {
    return x + 1;
  }

  public static long count(List<Person> people) {
    return people.size();
  }
}
