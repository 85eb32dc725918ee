package dev.flytejava.runtime.exec;

import dev.flytejava.runtime.model.TypedInterface;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A finished, successful execution: its outputs as Java values (by output name, in interface order), the
 * per-node record of its top-level nodes, its wall time, and the file of its execution record if the executor
 * writes them ({@code null} otherwise).
 */
public record ExecutionResult(String executionId, String name, Map<String, Object> outputs, List<NodeRecord> nodes,
    Duration duration, Path recordFile) {

  /** The single output {@code o0}. */
  public Object output() {
    if (!outputs.containsKey(TypedInterface.SINGLE_OUTPUT)) {
      throw new IllegalStateException("[" + name + "] has no output [o0]; its outputs are " + outputs.keySet());
    }
    return outputs.get(TypedInterface.SINGLE_OUTPUT);
  }
}
