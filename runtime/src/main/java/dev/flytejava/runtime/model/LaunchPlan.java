package dev.flytejava.runtime.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A launch plan: a named way to run a workflow with fixed inputs (cannot be overridden), default inputs
 * (used when the caller gives none) and an optional cron schedule. Values are Java values of the workflow's
 * input types; they are converted (and type-checked) by the type engine when the plan runs or is compiled.
 */
public record LaunchPlan(
    String name,
    Workflow workflow,
    Map<String, Object> fixedInputs,
    Map<String, Object> defaultInputs,
    CronSchedule schedule) {

  public LaunchPlan {
    Names.requireNonBlank(name, "launch plan name");
    Objects.requireNonNull(workflow, "workflow");
    fixedInputs = Collections.unmodifiableMap(new LinkedHashMap<>(fixedInputs));
    defaultInputs = Collections.unmodifiableMap(new LinkedHashMap<>(defaultInputs));
    for (String k : fixedInputs.keySet()) {
      requireInput(name, workflow, k, "Fixed");
      if (defaultInputs.containsKey(k)) {
        throw new IllegalArgumentException("Input [" + k + "] of launch plan [" + name
            + "] is both fixed and defaulted; keep one");
      }
    }
    for (String k : defaultInputs.keySet()) {
      requireInput(name, workflow, k, "Default");
    }
  }

  /** A plan with no fixed or default inputs and no schedule (Flyte's default launch plan). */
  public static LaunchPlan defaultFor(Workflow workflow) {
    return new LaunchPlan(workflow.name(), workflow, Map.of(), Map.of(), null);
  }

  /** Whether an input has a default: the plan's or the workflow's. */
  public boolean hasDefault(String input) {
    return defaultInputs.containsKey(input) || workflow.defaults().containsKey(input);
  }

  /** The default of an input: the plan's default, else the workflow's, else {@code null} if it has none. */
  public Object defaultOf(String input) {
    return defaultInputs.containsKey(input) ? defaultInputs.get(input) : workflow.defaults().get(input);
  }

  private static void requireInput(String plan, Workflow wf, String input, String kind) {
    if (wf.iface().inputIndex(input) < 0) {
      throw new IllegalArgumentException(kind + " input [" + input + "] of launch plan [" + plan
          + "] is not an input of workflow [" + wf.name() + "]; inputs are " + wf.iface().inputNames());
    }
  }
}
