package dev.flytejava.runtime.remote;

import dev.flytejava.runtime.idl.CompiledEntities;
import dev.flytejava.runtime.idl.CompiledSpec;
import dev.flytejava.runtime.idl.EntrypointArgs;
import dev.flytejava.runtime.model.EntityId;
import dev.flytejava.runtime.packaging.ShippedCode;
import flyteidl.admin.Common.ObjectGetRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanCreateRequest;
import flyteidl.admin.TaskOuterClass.TaskCreateRequest;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.admin.WorkflowOuterClass.WorkflowCreateRequest;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.core.Workflow.WorkflowTemplate;
import io.grpc.Status;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Registers compiled entities as flytectl registers a package: the code first (through the data proxy), then tasks,
 * workflows and launch plans in that order. Each entity is looked up first, so an unchanged registration creates
 * nothing; ALREADY_EXISTS (a reply lost after the create went through) counts as done once the stored spec is
 * found equal; a different spec under a registered id is an error naming it.
 */
public final class Registrar {
  private final AdminClient client;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  public Registrar(AdminClient client) {
    this.client = client;
  }

  /** What one registration did, entity by entity. */
  public record Result(String codeUrl, List<Identifier> created, List<Identifier> unchanged) {
  }

  /** Registers {@code entities} (already targeted at their project and domain) with {@code code}. */
  public Result register(CompiledEntities entities, ShippedCode code) {
    if (entities.specs().isEmpty()) {
      throw new FlyteRemoteException("nothing to register");
    }
    Identifier first = entities.specs().get(0).id();
    String codeUrl = CodeUpload.upload(client, http, code, first.getProject(), first.getDomain());
    List<Identifier> created = new ArrayList<>();
    List<Identifier> unchanged = new ArrayList<>();
    for (EntityId.Kind kind : EntityId.Kind.values()) { // TASK, WORKFLOW, LAUNCH_PLAN: dependencies first
      for (CompiledSpec spec : entities.ofKind(kind)) {
        CompiledSpec placed = kind == EntityId.Kind.TASK ? withCode((CompiledSpec.OfTask) spec, codeUrl) : spec;
        (ensure(placed, entities.versionPerEntity()) ? created : unchanged).add(placed.id());
      }
    }
    return new Result(codeUrl, List.copyOf(created), List.copyOf(unchanged));
  }

  private static CompiledSpec withCode(CompiledSpec.OfTask task, String codeUrl) {
    TaskSpec.Builder b = task.spec().toBuilder();
    var container = b.getTemplateBuilder().getContainerBuilder();
    for (int i = 0; i < container.getArgsCount(); i++) {
      container.setArgs(i, container.getArgs(i).replace(EntrypointArgs.REMOTE_PACKAGE_PATH, codeUrl));
    }
    return task.with(b.build());
  }

  /** Creates the entity unless it is registered; true if this call created it. */
  private boolean ensure(CompiledSpec spec, boolean versionPerEntity) {
    Optional<String> difference = stored(spec, versionPerEntity);
    if (difference.isPresent()) {
      check(spec, difference.get());
      return false;
    }
    try {
      create(spec);
      return true;
    } catch (AdminCallException e) {
      if (e.code() != Status.Code.ALREADY_EXISTS) {
        throw e;
      }
      check(spec, stored(spec, versionPerEntity).orElse("it cannot be read back"));
      return false;
    }
  }

  private static void check(CompiledSpec spec, String difference) {
    if (!difference.isEmpty()) {
      throw new FlyteRemoteException(label(spec) + " is already registered with a different spec (" + difference
          + "); register under a new version (--version) or leave the version to be derived from the code");
    }
  }

  /**
   * Empty if absent; "" if the stored spec equals ours; else what differs. When each entity's version hashes its own
   * code, a task registered earlier may name another upload of the code archive: its version says its code is ours.
   */
  private Optional<String> stored(CompiledSpec spec, boolean versionPerEntity) {
    ObjectGetRequest get = ObjectGetRequest.newBuilder().setId(spec.id()).build();
    try {
      if (spec instanceof CompiledSpec.OfTask t) {
        TaskTemplate theirs = client.admin("GetTask", a -> a.getTask(get)).getClosure().getCompiledTask().getTemplate();
        TaskTemplate ours = t.spec().getTemplate();
        boolean same = versionPerEntity ? withoutCode(theirs).equals(withoutCode(ours)) : theirs.equals(ours);
        return Optional.of(same ? "" : "the task template differs");
      }
      if (spec instanceof CompiledSpec.OfWorkflow w) {
        WorkflowTemplate theirs = client.admin("GetWorkflow", a -> a.getWorkflow(get))
            .getClosure().getCompiledWorkflow().getPrimary().getTemplate();
        return Optional.of(sameWorkflow(theirs, w.spec().getTemplate()));
      }
      LaunchPlan theirs = client.admin("GetLaunchPlan", a -> a.getLaunchPlan(get));
      LaunchPlan ours = ((CompiledSpec.OfLaunchPlan) spec).plan();
      return Optional.of(theirs.getSpec().equals(ours.getSpec()) ? "" : "the launch plan spec differs");
    } catch (AdminCallException e) {
      if (e.code() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The template with the value of {@code --code} (the uploaded archive's location) left out. */
  private static TaskTemplate withoutCode(TaskTemplate t) {
    List<String> args = t.getContainer().getArgsList();
    int at = args.indexOf("--code");
    if (at < 0 || at + 1 >= args.size()) {
      return t;
    }
    TaskTemplate.Builder b = t.toBuilder();
    b.getContainerBuilder().setArgs(at + 1, "");
    return b.build();
  }

  /**
   * FlyteAdmin answers the compiled form of a workflow (with connections and defaults filled in), so the comparison
   * is of what the compiler keeps: the interface, the outputs and each node's id, input names and target.
   */
  private static String sameWorkflow(WorkflowTemplate theirs, WorkflowTemplate ours) {
    if (!theirs.getInterface().equals(ours.getInterface())) {
      return "the workflow interface differs";
    }
    if (!theirs.getOutputsList().equals(ours.getOutputsList())) {
      return "the workflow outputs differ";
    }
    List<String> theirNodes = nodes(theirs);
    List<String> ourNodes = nodes(ours);
    return theirNodes.equals(ourNodes) ? "" : "the workflow nodes differ";
  }

  private static List<String> nodes(WorkflowTemplate wf) {
    List<String> out = new ArrayList<>();
    wf.getNodesList().stream()
        .filter(n -> !n.getId().equals("start-node") && !n.getId().equals("end-node"))
        .sorted(java.util.Comparator.comparing(flyteidl.core.Workflow.Node::getId))
        .forEach(n -> out.add(n.getId() + " " + n.getInputsList().stream().map(b -> b.getVar()).sorted().toList()
            + " " + n.getTaskNode().getReferenceId() + " " + n.getWorkflowNode().getLaunchplanRef()
            + n.getWorkflowNode().getSubWorkflowRef() + " " + n.getTargetCase()));
    return out;
  }

  private void create(CompiledSpec spec) {
    if (spec instanceof CompiledSpec.OfTask t) {
      client.admin("CreateTask", a -> a.createTask(TaskCreateRequest.newBuilder().setId(t.id()).setSpec(t.spec()).build()));
    } else if (spec instanceof CompiledSpec.OfWorkflow w) {
      client.admin("CreateWorkflow", a -> a.createWorkflow(
          WorkflowCreateRequest.newBuilder().setId(w.id()).setSpec(w.spec()).build()));
    } else {
      LaunchPlan l = ((CompiledSpec.OfLaunchPlan) spec).plan();
      client.admin("CreateLaunchPlan", a -> a.createLaunchPlan(
          LaunchPlanCreateRequest.newBuilder().setId(l.getId()).setSpec(l.getSpec()).build()));
    }
  }

  private static String label(CompiledSpec spec) {
    Identifier id = spec.id();
    String kind = spec.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    return kind + " " + id.getProject() + "/" + id.getDomain() + "/" + id.getName() + "@" + id.getVersion();
  }

}
