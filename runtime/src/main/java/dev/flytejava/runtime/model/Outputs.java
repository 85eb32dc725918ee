package dev.flytejava.runtime.model;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record returned by a task or workflow as a set of named outputs, one per record component
 * (flytekit's {@code NamedTuple}). A task returning {@code record Stats(long count, double mean)} annotated
 * with {@code @Outputs} has the two outputs {@code count} and {@code mean}; any other return type is the single
 * output {@code o0}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Outputs {}
