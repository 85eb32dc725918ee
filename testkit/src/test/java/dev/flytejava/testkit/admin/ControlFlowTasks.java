package dev.flytejava.testkit.admin;

import java.util.List;

/** The Java task bodies of {@link ControlFlowExecutionTest}'s workflow, as shipped code: static methods of a class. */
public final class ControlFlowTasks {
  private ControlFlowTasks() {}

  public record Order(String item, long quantity) {}

  public static Order order(String item, long quantity) {
    return new Order(item, quantity);
  }

  public static long quantity(Order order) {
    return order.quantity();
  }

  public static long square(long x) {
    if (x < 0) {
      throw new IllegalArgumentException("cannot square a negative in this test: " + x);
    }
    return x * x;
  }

  public static long sum(List<Long> xs) {
    return xs.stream().mapToLong(Long::longValue).sum();
  }

  public static String bulk(Order order, long total) {
    return "bulk " + order.item() + ": " + total;
  }

  public static String single(Order order, long total) {
    return "single " + order.item() + ": " + total;
  }
}
