package dev.flytejava.runtime.plugins;

import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.TaskOptions;
import dev.flytejava.runtime.model.TypedInterface;
import dev.flytejava.runtime.model.Variable;
import flyteidl.core.Tasks.Container;
import flyteidl.core.Tasks.DataLoadingConfig;
import flyteidl.core.Tasks.TaskTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A raw container task, as flytekit's {@code ContainerTask} writes it: task type {@value #TASK_TYPE}, a container
 * with the command, and a {@link DataLoadingConfig} telling Flyte's copilot to put each input in
 * {@value #INPUT_DIR} and to read each output from a file named after it in {@value #OUTPUT_DIR}. Inputs appear
 * in the command as {@code {{.inputs.NAME}}}.
 *
 * <p>Locally it runs under docker or podman when one answers, else as a local process with both directories mapped
 * to temporary ones ({@link ContainerRun}). Inputs and outputs are primitives (long, int, double, boolean,
 * String); a task with more than one output returns their values as an {@code Object[]} in output order.
 */
public final class ContainerTask implements PluginBody {
  public static final String TASK_TYPE = "raw-container";
  public static final String INPUT_DIR = "/var/inputs";
  public static final String OUTPUT_DIR = "/var/outputs";

  private final String name;
  private final String image;
  private final List<String> command;
  private final List<Variable> inputs;
  private final List<Variable> outputs;

  private ContainerTask(String name, String image, List<String> command, List<Variable> inputs, List<Variable> outputs) {
    this.name = name;
    this.image = image;
    this.command = List.copyOf(command);
    this.inputs = inputs;
    this.outputs = outputs;
  }

  /**
   * The task. {@code options.image()} is required (it is what runs remotely, and locally under docker or podman).
   * Inputs and outputs in order; every {@code {{.inputs.NAME}}} in the command must name an input.
   */
  public static Task task(String name, List<String> command, Map<String, Class<?>> inputs, Map<String, Class<?>> outputs,
      TaskOptions options) {
    if (options.image() == null || options.image().isBlank()) {
      throw new IllegalArgumentException("Container task [" + name + "] needs an image (--image)");
    }
    if (command.isEmpty()) {
      throw new IllegalArgumentException("Container task [" + name + "] has no command");
    }
    List<Variable> in = variables(name, "input", inputs);
    List<Variable> out = variables(name, "output", outputs);
    for (String arg : command) {
      for (String ref : Templates.inputNames(arg)) {
        if (!inputs.containsKey(ref)) {
          throw new IllegalArgumentException("Container task [" + name + "]: the command uses {{.inputs." + ref
              + "}} but the task's inputs are " + inputs.keySet());
        }
      }
    }
    ContainerTask body = new ContainerTask(name, options.image(), command, in, out);
    String hash = "raw-container:" + options.image() + ":" + String.join("\u0000", command) + ":" + inputs + ":" + outputs;
    return new Task(name, new TypedInterface(in, out, null), options, hash, body);
  }

  private static List<Variable> variables(String task, String kind, Map<String, Class<?>> types) {
    List<Variable> out = new ArrayList<>();
    types.forEach((n, t) -> {
      if (!ContainerFiles.supports(t)) {
        throw new IllegalArgumentException("Container task [" + task + "]: " + kind + " [" + n + "] has type ["
            + t.getName() + "]; raw container tasks take " + ContainerFiles.SUPPORTED);
      }
      out.add(new Variable(n, t));
    });
    return out;
  }

  public List<String> command() {
    return command;
  }

  @Override
  public Object run(Object[] values) throws Exception {
    Map<String, Object> named = new LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      named.put(inputs.get(i).name(), values[i]);
    }
    Map<String, Object> result = new ContainerRun(name, image, command, outputs).run(named);
    if (outputs.isEmpty()) {
      return null;
    }
    if (outputs.size() == 1) {
      return result.get(outputs.get(0).name());
    }
    return outputs.stream().map(v -> result.get(v.name())).toArray();
  }

  @Override
  public String taskType() {
    return TASK_TYPE;
  }

  @Override
  public void shape(TaskTemplate.Builder template) {
    Container.Builder c = template.getContainerBuilder();
    c.setImage(image).clearCommand().clearArgs().addAllCommand(command)
        .setDataConfig(dataConfig());
    template.setType(TASK_TYPE);
  }

  /** As flytekit writes it: enabled, the two paths, JSON metadata; the default (eager) IO strategy. */
  static DataLoadingConfig dataConfig() {
    return DataLoadingConfig.newBuilder()
        .setEnabled(true)
        .setInputPath(INPUT_DIR)
        .setOutputPath(OUTPUT_DIR)
        .setFormat(DataLoadingConfig.LiteralMapFormat.JSON)
        .build();
  }

  static String text(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
