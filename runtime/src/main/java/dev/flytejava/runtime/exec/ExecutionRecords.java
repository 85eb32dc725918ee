package dev.flytejava.runtime.exec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import flyteidl.core.Literals.Literal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-node records of a run and, when enabled, the execution record file {@code DIR/EXECUTION_ID.json}: entity
 * name, inputs and outputs (Flyte literals in protobuf text form), error, and per top-level node its state,
 * attempts, cache hit, start offset and duration. Written once at the end of an execution, never per node.
 */
final class ExecutionRecords {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ExecutionRecords() {}

  static List<NodeRecord> nodes(Plan plan, Run run, long t0) {
    List<NodeRecord> out = new ArrayList<>(plan.size);
    for (int i = 0; i < plan.size; i++) {
      long start = run.startNanos[i] == 0 ? 0 : (run.startNanos[i] - t0) / 1000;
      long dur = run.startNanos[i] == 0 || run.endNanos[i] == 0 ? 0 : (run.endNanos[i] - run.startNanos[i]) / 1000;
      out.add(new NodeRecord(run.path(i), state(run.states[i]), run.attempts[i], run.cacheHit[i], start, dur));
    }
    return out;
  }

  private static NodeState state(byte b) {
    switch (b) {
      case Run.SUCCEEDED: return NodeState.SUCCEEDED;
      case Run.CACHED: return NodeState.CACHED;
      case Run.FAILED: return NodeState.FAILED;
      case Run.SKIPPED: return NodeState.SKIPPED;
      default: return NodeState.QUEUED;
    }
  }

  static Path write(Path dir, String executionId, String name, Plan plan, Run run, long t0, Literal[] inputs,
      Literal[] outputs, Throwable error) {
    Map<String, Object> rec = new LinkedHashMap<>();
    rec.put("executionId", executionId);
    rec.put("name", name);
    rec.put("finishedAt", Instant.now().toString());
    rec.put("durationMicros", (System.nanoTime() - t0) / 1000);
    rec.put("inputs", literals(plan.inputNames, inputs));
    rec.put("outputs", outputs == null ? null : literals(plan.outputNames, outputs));
    rec.put("error", error == null ? null : error.getMessage());
    rec.put("nodes", nodes(plan, run, t0));
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve(executionId + ".json");
      Path tmp = dir.resolve("." + executionId + ".json.tmp");
      JSON.writeValue(tmp.toFile(), rec);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write execution record into [" + dir + "]", e);
    }
  }

  private static Map<String, String> literals(String[] names, Literal[] values) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      m.put(names[i], values[i] == null ? null : values[i].toString().trim());
    }
    return m;
  }
}
