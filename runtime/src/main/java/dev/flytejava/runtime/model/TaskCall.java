package dev.flytejava.runtime.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One call of a task as seen by a {@link TaskDecorator}: the task's name and its inputs as Java values, by name
 * in interface order. A decorator may pass {@link #withInputs a call with other inputs} to {@code next.run}.
 */
public record TaskCall(String taskName, Map<String, Object> inputs) {
  public TaskCall {
    Objects.requireNonNull(taskName, "taskName");
    // values may be null (a void-like input is never null, but Optional-less nulls are the engine's to reject)
    inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
  }

  public TaskCall withInputs(Map<String, Object> newInputs) {
    return new TaskCall(taskName, newInputs);
  }
}
