package dev.flytejava.runtime.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as a task for {@link Tasks#fromClass}/{@link Tasks#fromMethod}: its parameters (compiled with
 * {@code -parameters}) are the inputs, its return value the outputs (see
 * {@link dev.flytejava.runtime.model.TypedInterface}). Empty strings mean "not set".
 *
 * <pre>{@code
 * @FlyteTask(cache = "v1", retries = 2, timeout = "30s")
 * public static long addOne(long x) { return x + 1; }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface FlyteTask {
  /** Task name; default the method name. */
  String name() default "";

  /** Cache version; default not cached. */
  String cache() default "";

  int retries() default 0;

  /** Per-attempt timeout as {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h} or ISO-8601 ({@code PT5M}). */
  String timeout() default "";

  /** Container image; default the project's image. */
  String image() default "";
}
