package dev.flytejava.runtime.plugins;

import com.google.protobuf.ListValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.TaskBody;
import flyteidl.core.Literals.KeyValuePair;
import flyteidl.core.Tasks.Container;
import flyteidl.core.Tasks.K8sPod;
import flyteidl.core.Tasks.Resources;
import flyteidl.core.Tasks.TaskTemplate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A Java task that runs in a pod beside sidecar containers: task type {@value #TASK_TYPE}, task type version 2, with a
 * {@code k8s_pod} target whose pod spec lists the primary container (the task's own image, entrypoint args, resources
 * and env, named {@value #PRIMARY}) and the sidecars, and {@code config.primary_container_name}, as FlytePropeller's
 * sidecar plugin reads it (and as flytekit's pod plugin writes it). Locally it runs the task's own code.
 */
public final class PodTask implements PluginBody {
  public static final String TASK_TYPE = "sidecar";
  public static final String PRIMARY = "primary";

  /** A sidecar container: a name, an image, and its command (empty: the image's). */
  public record Sidecar(String name, String image, List<String> command) {
    public Sidecar {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(image, "image");
      command = List.copyOf(command);
      if (name.equals(PRIMARY) || !name.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
        throw new IllegalArgumentException("Sidecar name [" + name + "] must be a Kubernetes container name other than ["
            + PRIMARY + "]");
      }
    }
  }

  private final TaskBody code;
  private final List<Sidecar> sidecars;

  private PodTask(TaskBody code, List<Sidecar> sidecars) {
    this.code = code;
    this.sidecars = List.copyOf(sidecars);
  }

  /** {@code task} with sidecars: same name, interface, options and code. */
  public static Task withSidecars(Task task, List<Sidecar> sidecars) {
    if (task.body() instanceof PluginBody) {
      throw new IllegalArgumentException("Task [" + task.name() + "] already has a task type of its own");
    }
    return new Task(task.name(), task.iface(), task.options(), task.codeHash() + "+pod:" + sidecars,
        new PodTask(task.body(), sidecars));
  }

  @Override
  public Object run(Object[] inputs) throws Exception {
    return code.run(inputs);
  }

  @Override
  public String taskType() {
    return TASK_TYPE;
  }

  @Override
  public void shape(TaskTemplate.Builder template) {
    Container primary = template.getContainer();
    ListValue.Builder containers = ListValue.newBuilder().addValues(container(PRIMARY, primary));
    for (Sidecar s : sidecars) {
      Struct.Builder c = Struct.newBuilder().putFields("name", str(s.name())).putFields("image", str(s.image()));
      if (!s.command().isEmpty()) {
        c.putFields("command", strings(s.command()));
      }
      containers.addValues(Value.newBuilder().setStructValue(c));
    }
    Struct podSpec = Struct.newBuilder().putFields("containers", Value.newBuilder().setListValue(containers).build()).build();
    template.clearContainer()
        .setType(TASK_TYPE)
        .setTaskTypeVersion(2)
        .setK8SPod(K8sPod.newBuilder().setPodSpec(podSpec))
        .putConfig("primary_container_name", PRIMARY);
  }

  /** A V1Container as JSON: name, image, args, resources and env of the task's container. */
  private static Value container(String name, Container c) {
    Struct.Builder s = Struct.newBuilder().putFields("name", str(name)).putFields("image", str(c.getImage()))
        .putFields("args", strings(c.getArgsList()));
    Struct.Builder resources = Struct.newBuilder();
    if (c.getResources().getRequestsCount() > 0) {
      resources.putFields("requests", quantities(c.getResources().getRequestsList()));
    }
    if (c.getResources().getLimitsCount() > 0) {
      resources.putFields("limits", quantities(c.getResources().getLimitsList()));
    }
    s.putFields("resources", Value.newBuilder().setStructValue(resources).build());
    if (c.getEnvCount() > 0) {
      ListValue.Builder env = ListValue.newBuilder();
      for (KeyValuePair kv : c.getEnvList()) {
        env.addValues(Value.newBuilder().setStructValue(Struct.newBuilder().putFields("name", str(kv.getKey()))
            .putFields("value", str(kv.getValue()))));
      }
      s.putFields("env", Value.newBuilder().setListValue(env).build());
    }
    return Value.newBuilder().setStructValue(s).build();
  }

  private static Value quantities(List<Resources.ResourceEntry> entries) {
    Struct.Builder q = Struct.newBuilder();
    for (Resources.ResourceEntry e : entries) {
      String k8s = switch (e.getName()) {
        case CPU -> "cpu";
        case MEMORY -> "memory";
        case GPU -> "nvidia.com/gpu";
        case EPHEMERAL_STORAGE -> "ephemeral-storage";
        default -> e.getName().name().toLowerCase(Locale.ROOT);
      };
      q.putFields(k8s, str(e.getValue()));
    }
    return Value.newBuilder().setStructValue(q).build();
  }

  private static Value str(String s) {
    return Value.newBuilder().setStringValue(s).build();
  }

  private static Value strings(List<String> items) {
    ListValue.Builder l = ListValue.newBuilder();
    items.forEach(i -> l.addValues(str(i)));
    return Value.newBuilder().setListValue(l).build();
  }
}
