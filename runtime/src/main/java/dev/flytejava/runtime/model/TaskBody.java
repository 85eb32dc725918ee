package dev.flytejava.runtime.model;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

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

  /**
   * A body that calls a static method with the inputs as its arguments; what the method throws is what the task
   * throws. The method is made accessible (classes that notebooks compile are not public).
   */
  static TaskBody invoking(Method method) {
    if (!Modifier.isStatic(method.getModifiers())) {
      throw new IllegalArgumentException("A task body needs a static method, not [" + method + "]");
    }
    method.setAccessible(true);
    return in -> {
      try {
        return method.invoke(null, in);
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
    };
  }
}
