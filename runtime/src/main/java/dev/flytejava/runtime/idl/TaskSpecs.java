package dev.flytejava.runtime.idl;

import com.google.protobuf.BoolValue;
import com.google.protobuf.Duration;
import dev.flytejava.runtime.idl.IdlCompileException.Site;
import dev.flytejava.runtime.model.CodeHashes;
import dev.flytejava.runtime.model.MapNode;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.TaskOptions;
import dev.flytejava.runtime.plugins.PluginBody;
import flyteidl.admin.DescriptionEntityOuterClass.Description;
import flyteidl.admin.DescriptionEntityOuterClass.DescriptionEntity;
import flyteidl.admin.DescriptionEntityOuterClass.DescriptionFormat;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Literals.KeyValuePair;
import flyteidl.core.Literals.RetryStrategy;
import flyteidl.core.Tasks.Container;
import flyteidl.core.Tasks.K8sObjectMetadata;
import flyteidl.core.Tasks.Resources;
import flyteidl.core.Tasks.Resources.ResourceEntry;
import flyteidl.core.Tasks.Resources.ResourceName;
import flyteidl.core.Tasks.RuntimeMetadata;
import flyteidl.core.Tasks.TaskMetadata;
import flyteidl.core.Tasks.TaskTemplate;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Java tasks as Flyte container tasks of type {@value #TASK_TYPE}, laid out as flytekit 1.16 lays out a
 * {@code python-task}: runtime metadata (here flavor {@code java}), retries, timeout, cache, the interface, and a
 * container with image, {@link EntrypointArgs}, resources and env. A map node's task is a second task, named and
 * shaped as flytekit's {@code ArrayNodeMapTask}.
 */
final class TaskSpecs {
  static final String TASK_TYPE = "java-task";
  static final String RUNTIME_FLAVOR = "java";

  /** Resource names as {@code %%task --requests} spells them, in flytekit's order, with Flyte's names. */
  private static final Map<String, ResourceName> RESOURCES = new LinkedHashMap<>();

  static {
    RESOURCES.put("cpu", ResourceName.CPU);
    RESOURCES.put("mem", ResourceName.MEMORY);
    RESOURCES.put("gpu", ResourceName.GPU);
    RESOURCES.put("storage", ResourceName.STORAGE);
    RESOURCES.put("ephemeral_storage", ResourceName.EPHEMERAL_STORAGE);
  }

  /** A Kubernetes quantity: a decimal number, then a binary (Ki..Ei), decimal (n..E) or exponent suffix. */
  private static final Pattern QUANTITY =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+|[KMGTPE]i|[numkMGTPE])?");

  private final Interfaces interfaces;
  private final CompileOptions options;
  private final Problems problems;

  TaskSpecs(Interfaces interfaces, CompileOptions options, Problems problems) {
    this.interfaces = interfaces;
    this.options = options;
    this.problems = problems;
  }

  /** The spec of a task; its identifier has the task's name and empty project, domain and version. */
  TaskSpec of(Task task) {
    Site entity = Site.of("task [" + task.name() + "]");
    TypedInterface iface = interfaces.of(entity, task.iface().inputs(), task.iface().outputs());
    TaskTemplate.Builder builder = template(task, task.name(), iface, entity);
    if (task.body() instanceof PluginBody plugin) {
      plugin.shape(builder); // a plugin's own task type: it replaces the Java container as that type needs
    }
    TaskTemplate template = builder.build();
    return TaskSpec.newBuilder()
        .setTemplate(template)
        .setDescription(DescriptionEntity.newBuilder()
            .setLongDescription(Description.newBuilder().setFormat(DescriptionFormat.DESCRIPTION_FORMAT_RST)))
        .build();
  }

  /**
   * The task a map node runs: the mapped interface (lists for mapped inputs, the task's types for fixed ones, lists
   * of optionals as outputs when failures are tolerated) and the task's metadata and container. Propeller runs it
   * once per element with that element's inputs, so its container runs the mapped task itself.
   */
  TaskSpec ofMap(MapNode node) {
    String name = mapTaskName(node);
    Site entity = Site.of("task [" + name + "] (map of task [" + node.task().name() + "])");
    TypedInterface iface = interfaces.of(entity, node.inputVariables(), node.outputs());
    return TaskSpec.newBuilder()
        .setTemplate(template(node.task(), name, iface, entity).setTaskTypeVersion(1))
        .build();
  }

  /**
   * flytekit's name of a map task, {@code [module.]map_<task>_<md5>-arraynode}, with the md5 over the sorted fixed
   * inputs, concurrency, min successes and min success ratio as flytekit writes them (unset values as
   * {@code None}), so that each configuration of a map gets its own task.
   */
  static String mapTaskName(MapNode node) {
    String task = node.task().name();
    int dot = task.lastIndexOf('.');
    String module = dot < 0 ? "" : task.substring(0, dot + 1);
    String function = task.substring(dot + 1);
    String key = String.join(",", new TreeSet<>(node.fixedInputs()))
        + (node.concurrency() == 0 ? "None" : Integer.toString(node.concurrency()))
        + "None"
        + node.minSuccessRatio();
    return module + "map_" + function + "_" + md5Hex(key) + "-arraynode";
  }

  /** The node metadata flytekit gives a node running {@code task}: short name, timeout, retries. */
  static flyteidl.core.Workflow.NodeMetadata.Builder nodeMetadata(Task task, String name) {
    flyteidl.core.Workflow.NodeMetadata.Builder m = flyteidl.core.Workflow.NodeMetadata.newBuilder()
        .setName(shortName(name))
        .setRetries(RetryStrategy.newBuilder().setRetries(task.options().retries()));
    if (task.options().timeout() != null) {
      m.setTimeout(duration(task.options().timeout()));
    }
    return m;
  }

  /** flytekit's {@code extract_obj_name}: the part after the last dot. */
  static String shortName(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  static Identifier taskId(String name) {
    return Identifier.newBuilder().setResourceType(ResourceType.TASK).setName(name).build();
  }

  /** A reference task's full identifier (left as it is by {@link SpecRewrite}), else the task's blank one. */
  static Identifier referenceOrTaskId(Task task) {
    if (task.body() instanceof dev.flytejava.runtime.model.ReferenceTask r) {
      return referenceId(ResourceType.TASK, r.id());
    }
    return taskId(task.name());
  }

  /** An entity registered elsewhere, by its full identifier. */
  static Identifier referenceId(ResourceType type, dev.flytejava.runtime.model.ReferenceId id) {
    return Identifier.newBuilder().setResourceType(type).setProject(id.project()).setDomain(id.domain())
        .setName(id.name()).setVersion(id.version()).build();
  }

  /**
   * The cache version Flyte keys cached results on: the task's cache version and, as the local cache does, a
   * hash of its code, so that results of old code are never served for new code.
   */
  static String discoveryVersion(Task task) {
    if (task.codeHash().isEmpty()) {
      return task.options().cacheVersion();
    }
    byte[] digest = CodeHashes.newSha256().digest(task.codeHash().getBytes(StandardCharsets.UTF_8));
    return task.options().cacheVersion() + "-" + HexFormat.of().formatHex(digest, 0, 8);
  }

  private TaskTemplate.Builder template(Task task, String name, TypedInterface iface, Site entity) {
    TaskOptions o = task.options();
    TaskMetadata.Builder metadata = TaskMetadata.newBuilder()
        .setDiscoverable(o.cached())
        .setRuntime(RuntimeMetadata.newBuilder()
            .setType(RuntimeMetadata.RuntimeType.FLYTE_SDK)
            .setVersion(options.sdkVersion())
            .setFlavor(RUNTIME_FLAVOR))
        .setRetries(RetryStrategy.newBuilder().setRetries(o.retries()))
        .setGeneratesDeck(BoolValue.of(false))
        .setMetadata(K8sObjectMetadata.getDefaultInstance());
    if (o.timeout() != null) {
      metadata.setTimeout(duration(o.timeout()));
    }
    if (o.cached()) {
      metadata.setDiscoveryVersion(discoveryVersion(task));
    }
    Container.Builder container = Container.newBuilder()
        .setImage(o.image() != null ? o.image() : options.defaultImage())
        .addAllArgs(EntrypointArgs.forTask(task.name()))
        .setResources(Resources.newBuilder()
            .addAllRequests(resources(entity, "request", o.requests()))
            .addAllLimits(resources(entity, "limit", o.limits())));
    o.env().forEach((k, v) -> container.addEnv(KeyValuePair.newBuilder().setKey(k).setValue(v)));
    return TaskTemplate.newBuilder()
        .setId(taskId(name))
        .setType(TASK_TYPE)
        .setMetadata(metadata)
        .setInterface(iface)
        .setContainer(container);
  }

  private List<ResourceEntry> resources(Site entity, String kind, Map<String, String> given) {
    for (String key : given.keySet()) {
      if (!RESOURCES.containsKey(key)) {
        problems.add(entity, "unknown resource [" + key + "] in " + kind + "s; use " + RESOURCES.keySet());
      }
    }
    List<ResourceEntry> out = new ArrayList<>();
    RESOURCES.forEach((key, flyteName) -> {
      String value = given.get(key);
      if (value == null) {
        return;
      }
      if (!QUANTITY.matcher(value.trim()).matches()) {
        problems.add(entity, "resource " + kind + " [" + key + "=" + value
            + "] is not a Kubernetes quantity (e.g. 500m, 2, 1Gi, 512Mi)");
        return;
      }
      out.add(ResourceEntry.newBuilder().setName(flyteName).setValue(value.trim()).build());
    });
    return out;
  }

  static Duration duration(java.time.Duration d) {
    return Duration.newBuilder().setSeconds(d.getSeconds()).setNanos(d.getNano()).build();
  }

  private static String md5Hex(String text) {
    try {
      return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is missing from this JVM", e);
    }
  }
}
