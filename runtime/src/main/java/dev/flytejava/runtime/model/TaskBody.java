package dev.flytejava.runtime.model;

/**
 * The code of a task. The executor calls it with the task's inputs already converted to Java values,
 * positionally in the order of {@link TypedInterface#inputs()}.
 *
 * <p>Return the value of output {@code o0}, {@code null} for a task without outputs, or an instance of the
 * interface's {@link Outputs} record for named outputs. Throwing fails the attempt (and is retried if the task
 * has retries left).
 */
@FunctionalInterface
public interface TaskBody {
  Object run(Object[] inputs) throws Exception;
}
