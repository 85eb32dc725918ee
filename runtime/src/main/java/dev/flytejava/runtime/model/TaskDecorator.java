package dev.flytejava.runtime.model;

/**
 * Wraps every run of a task (flytekit's task decorators). Decorators in a list are applied outermost-first:
 * the first one sees the call first and calls {@code next.run(call)} to run the remaining decorators and then
 * the task. A decorator keeps the task's name and interface; it returns what the task returns (or something of
 * the same shape) and may throw to fail the attempt.
 *
 * <pre>{@code
 * TaskDecorator timed = (call, next) -> {
 *     long t0 = System.nanoTime();
 *     Object out = next.run(call);
 *     System.out.println(call.taskName() + " took " + (System.nanoTime() - t0) / 1_000_000 + " ms");
 *     return out;
 * };
 * }</pre>
 */
@FunctionalInterface
public interface TaskDecorator {
  Object decorate(TaskCall call, Next next) throws Exception;

  /** The rest of the chain: inner decorators, then the task itself. */
  @FunctionalInterface
  interface Next {
    Object run(TaskCall call) throws Exception;
  }
}
