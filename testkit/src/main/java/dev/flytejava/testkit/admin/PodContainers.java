package dev.flytejava.testkit.admin;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import flyteidl.core.Literals.KeyValuePair;
import flyteidl.core.Tasks.Container;
import flyteidl.core.Tasks.TaskTemplate;

/**
 * The container propeller runs a task's code in: the template's container, or for a pod task ({@code k8s_pod}, e.g.
 * the {@code sidecar} type) the pod spec's container named by {@code config.primary_container_name}, read back from
 * its V1Container JSON (image, command, args, env). Sidecars are not started: the testkit runs the primary only.
 */
final class PodContainers {
  private PodContainers() {}

  static Container primary(TaskTemplate task) {
    if (task.hasContainer() || !task.hasK8SPod()) {
      return task.getContainer();
    }
    String name = task.getConfigOrDefault("primary_container_name", "");
    Value containers = task.getK8SPod().getPodSpec().getFieldsOrDefault("containers", Value.getDefaultInstance());
    for (Value v : containers.getListValue().getValuesList()) {
      Struct c = v.getStructValue();
      if (c.getFieldsOrDefault("name", Value.getDefaultInstance()).getStringValue().equals(name)) {
        Container.Builder out = Container.newBuilder().setImage(string(c, "image"));
        c.getFieldsOrDefault("command", Value.getDefaultInstance()).getListValue().getValuesList()
            .forEach(s -> out.addCommand(s.getStringValue()));
        c.getFieldsOrDefault("args", Value.getDefaultInstance()).getListValue().getValuesList()
            .forEach(s -> out.addArgs(s.getStringValue()));
        c.getFieldsOrDefault("env", Value.getDefaultInstance()).getListValue().getValuesList().forEach(e -> out.addEnv(
            KeyValuePair.newBuilder().setKey(string(e.getStructValue(), "name"))
                .setValue(string(e.getStructValue(), "value"))));
        return out.build();
      }
    }
    throw new IllegalArgumentException("pod task " + task.getId().getName() + " has no container named ["
        + name + "] (config.primary_container_name) in its pod spec");
  }

  private static String string(Struct s, String field) {
    return s.getFieldsOrDefault(field, Value.getDefaultInstance()).getStringValue();
  }
}
