package dev.flytejava.runtime.plugins;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.TaskTemplate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The agent of {@code %flyte sensor}: succeeds once a path exists. Its template's {@code custom} holds {@code path},
 * {@code poke_interval} and {@code timeout} (as seconds); it has no container, so Flyte's backend runs it through an
 * agent that serves task type {@value #TASK_TYPE}. Paths are local paths or {@code file://} URIs.
 */
public final class FileSensorAgent implements AgentPlugin {
  public static final String TASK_TYPE = "flyte-java-file-sensor";

  @Override
  public String taskType() {
    return TASK_TYPE;
  }

  @Override
  public byte[] create(TaskTemplate template, LiteralMap inputs) {
    return path(template).toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public AgentResource get(TaskTemplate template, byte[] resourceMeta) {
    Path path = Path.of(new String(resourceMeta, StandardCharsets.UTF_8));
    return Files.exists(path) ? AgentResource.succeeded(LiteralMap.getDefaultInstance())
        : AgentResource.running("waiting for " + path);
  }

  @Override
  public void delete(TaskTemplate template, byte[] resourceMeta) {
    // nothing was started: a file sensor only looks
  }

  @Override
  public Duration pollInterval(TaskTemplate template) {
    return seconds(template, "poke_interval", Duration.ofSeconds(1));
  }

  @Override
  public Duration timeout(TaskTemplate template) {
    return seconds(template, "timeout", null);
  }

  static Path path(TaskTemplate template) {
    Value v = template.getCustom().getFieldsOrDefault("path", null);
    if (v == null || v.getStringValue().isBlank()) {
      throw new IllegalArgumentException("Sensor [" + template.getId().getName() + "] has no path in its custom config");
    }
    String p = v.getStringValue();
    return p.startsWith("file://") ? Path.of(java.net.URI.create(p)) : Path.of(p);
  }

  private static Duration seconds(TaskTemplate template, String key, Duration otherwise) {
    Struct custom = template.getCustom();
    if (!custom.containsFields(key)) {
      return otherwise;
    }
    return Duration.ofMillis(Math.round(custom.getFieldsOrThrow(key).getNumberValue() * 1000));
  }
}
