package dev.flytejava.runtime.model;

import dev.flytejava.runtime.types.JavaTypes;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs a task once per element of its list inputs (Flyte's {@code ArrayNode}, flytekit's {@code map_task}).
 *
 * <p>Every task input not named in {@code fixedInputs} is mapped: bound to a {@code List<T>} for a task input
 * {@code T}; all mapped lists must have the same length. Fixed inputs are bound to a {@code T} given to every
 * element (flytekit's {@code partial}). Each task output {@code T} becomes a {@code List<T>} output, or
 * {@code List<Optional<T>>} when {@code minSuccessRatio < 1} (failed elements are empty). At most
 * {@code concurrency} elements run at once (0 = the executor's parallelism); the node fails when fewer than
 * {@code minSuccessRatio} of the elements succeed.
 */
public record MapNode(
    String id,
    Task task,
    Map<String, Binding> inputs,
    Set<String> fixedInputs,
    int concurrency,
    double minSuccessRatio,
    List<String> after) implements Node {

  public MapNode {
    NodeChecks.id(id);
    Objects.requireNonNull(task, "task");
    inputs = NodeChecks.inputs(inputs);
    fixedInputs = Set.copyOf(fixedInputs);
    if (concurrency < 0) {
      throw new IllegalArgumentException("concurrency of map node [" + id + "] must be >= 0");
    }
    if (!(minSuccessRatio >= 0 && minSuccessRatio <= 1)) {
      throw new IllegalArgumentException("minSuccessRatio of map node [" + id + "] must be in [0, 1] but was ["
          + minSuccessRatio + "]");
    }
    after = NodeChecks.after(after);
  }

  public boolean isMapped(String inputName) {
    return !fixedInputs.contains(inputName);
  }

  /** Whether failed elements are tolerated (outputs become lists of optionals). */
  public boolean partialSuccess() {
    return minSuccessRatio < 1;
  }

  @Override
  public List<Variable> inputVariables() {
    return task.iface().inputs().stream()
        .map(v -> isMapped(v.name()) ? new Variable(v.name(), JavaTypes.listOf(v.type())) : v)
        .toList();
  }

  @Override
  public List<Variable> outputs() {
    return task.iface().outputs().stream()
        .map(v -> new Variable(v.name(),
            JavaTypes.listOf(partialSuccess() ? JavaTypes.optionalOf(v.type()) : v.type())))
        .toList();
  }

  @Override
  public MapNode withAfter(List<String> newAfter) {
    return new MapNode(id, task, inputs, fixedInputs, concurrency, minSuccessRatio, newAfter);
  }

  @Override
  public String describe() {
    return "map of task [" + task.name() + "]";
  }
}
