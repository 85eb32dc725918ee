package dev.flytejava.runtime.plugins;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.flytejava.runtime.model.Task;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.TaskTemplate;
import java.time.Duration;
import java.util.Objects;

/**
 * A sensor task ({@code %flyte sensor NAME --path PATH --timeout 30s [--poke-interval 1s]}): no inputs, no outputs;
 * it succeeds once PATH exists and fails when the timeout passes first. Locally and remotely it runs the
 * {@link FileSensorAgent} through {@link AgentPolling}.
 */
public final class FileSensor implements PluginBody {
  private final String name;
  private final String path;
  private final Duration timeout;
  private final Duration pokeInterval;

  private FileSensor(String name, String path, Duration timeout, Duration pokeInterval) {
    this.name = name;
    this.path = Objects.requireNonNull(path, "path");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.pokeInterval = pokeInterval == null ? Duration.ofSeconds(1) : pokeInterval;
    if (path.isBlank()) {
      throw new IllegalArgumentException("Sensor [" + name + "] needs a --path");
    }
    if (timeout.isNegative() || timeout.isZero() || this.pokeInterval.isNegative() || this.pokeInterval.isZero()) {
      throw new IllegalArgumentException("Sensor [" + name + "]: --timeout and --poke-interval must be positive");
    }
  }

  /** The sensor as a task; its code hash is its configuration, so a changed path is a new cache key. */
  public static Task task(String name, String path, Duration timeout, Duration pokeInterval) {
    FileSensor body = new FileSensor(name, path, timeout, pokeInterval);
    return Task.builder(name).codeHash("file-sensor:" + body.custom()).body(body).build();
  }

  @Override
  public Object run(Object[] inputs) throws Exception {
    TaskTemplate.Builder t = TaskTemplate.newBuilder()
        .setId(Identifier.newBuilder().setResourceType(ResourceType.TASK).setName(name));
    shape(t);
    new AgentPolling(new FileSensorAgent()).execute(t.build(), LiteralMap.getDefaultInstance());
    return null;
  }

  @Override
  public String taskType() {
    return FileSensorAgent.TASK_TYPE;
  }

  @Override
  public void shape(TaskTemplate.Builder template) {
    template.setType(FileSensorAgent.TASK_TYPE).clearContainer().setCustom(custom());
  }

  private Struct custom() {
    return Struct.newBuilder()
        .putFields("path", Value.newBuilder().setStringValue(path).build())
        .putFields("timeout", Value.newBuilder().setNumberValue(timeout.toMillis() / 1000.0).build())
        .putFields("poke_interval", Value.newBuilder().setNumberValue(pokeInterval.toMillis() / 1000.0).build())
        .build();
  }
}
