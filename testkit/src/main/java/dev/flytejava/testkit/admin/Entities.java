package dev.flytejava.testkit.admin;

import com.google.protobuf.Timestamp;
import flyteidl.admin.Common.NamedEntityIdentifier;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanClosure;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanCreateRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanSpec;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanState;
import flyteidl.admin.TaskOuterClass.Task;
import flyteidl.admin.TaskOuterClass.TaskClosure;
import flyteidl.admin.TaskOuterClass.TaskCreateRequest;
import flyteidl.admin.WorkflowOuterClass.Workflow;
import flyteidl.admin.WorkflowOuterClass.WorkflowClosure;
import flyteidl.admin.WorkflowOuterClass.WorkflowCreateRequest;
import flyteidl.core.Compiler.CompiledTask;
import flyteidl.core.Compiler.CompiledWorkflowClosure;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Interface.Parameter;
import flyteidl.core.Interface.ParameterMap;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Tasks.TaskTemplate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registered tasks, workflows and launch plans and FlyteAdmin's rules for creating them (task_manager.go,
 * workflow_manager.go, launch_plan_manager.go): validate, compile, then store once; the same spec again is
 * ALREADY_EXISTS, another spec under the same id is INVALID_ARGUMENT naming the entity.
 */
final class Entities {
  final Repository<Task> tasks = Repository.byIdentifier(Task::getId);
  final Repository<Workflow> workflows = Repository.byIdentifier(Workflow::getId);
  final Repository<LaunchPlan> launchPlans = Repository.byIdentifier(LaunchPlan::getId);
  // what each entity was created from, to tell "identical" from "different structure"
  private final Map<Identifier, com.google.protobuf.Message> specs = new java.util.concurrent.ConcurrentHashMap<>();
  private final Projects projects;

  Entities(Projects projects) {
    this.projects = projects;
  }

  synchronized Task createTask(TaskCreateRequest request) {
    TaskValidator.validate(request, projects);
    Identifier id = request.getId();
    Optional<Task> existing = tasks.get(id);
    if (existing.isPresent()) {
      if (specs.get(key(id)).equals(request.getSpec())) {
        throw AdminErrors.alreadyExists("task with identical structure already exists");
      }
      throw AdminErrors.invalidArgument("%s task with different structure already exists. (Please register a new "
          + "version of the task):\n%s", id.getName(), SpecDiff.firstDifference(specs.get(key(id)), request.getSpec()));
    }
    TaskTemplate template = request.getSpec().getTemplate().toBuilder().setId(id).build();
    Task task = Task.newBuilder().setId(id)
        .setClosure(TaskClosure.newBuilder().setCompiledTask(CompiledTask.newBuilder().setTemplate(template))
            .setCreatedAt(now()))
        .setShortDescription(request.getSpec().getDescription().getShortDescription())
        .build();
    specs.put(key(id), request.getSpec());
    tasks.put(task);
    return task;
  }

  synchronized Workflow createWorkflow(WorkflowCreateRequest request) {
    Identifier id = request.getId();
    Ids.validate(id, request.hasId(), ResourceType.WORKFLOW);
    projects.validate(id.getProject(), id.getDomain());
    if (!request.hasSpec()) {
      throw AdminErrors.missing("spec");
    }
    if (!request.getSpec().hasTemplate()) {
      throw AdminErrors.missing("template");
    }
    Optional<Workflow> existing = workflows.get(id);
    if (existing.isPresent()) {
      if (specs.get(key(id)).equals(request.getSpec())) {
        throw AdminErrors.alreadyExists("workflow with identical structure already exists");
      }
      throw AdminErrors.invalidArgument("%s workflow with different structure already exists. (Please register a new "
          + "version of the workflow):\n%s", id.getName(),
          SpecDiff.firstDifference(specs.get(key(id)), request.getSpec()));
    }
    var spec = request.getSpec().toBuilder();
    spec.getTemplateBuilder().setId(id);
    CompiledWorkflowClosure closure;
    try {
      closure = new WorkflowCompiler(this::taskTemplate, launchPlans::get).compile(spec.build());
    } catch (WorkflowCompiler.MissingReferenceException e) {
      throw AdminErrors.notFound("failed to compile workflow for [%s]: %s", Ids.describe(id), e.getMessage());
    } catch (WorkflowCompiler.CompileException e) {
      throw AdminErrors.invalidArgument("failed to compile workflow for [%s] with err %s", Ids.describe(id),
          e.getMessage());
    }
    Workflow workflow = Workflow.newBuilder().setId(id)
        .setClosure(WorkflowClosure.newBuilder().setCompiledWorkflow(closure).setCreatedAt(now()))
        .setShortDescription(request.getSpec().getDescription().getShortDescription())
        .build();
    specs.put(key(id), request.getSpec());
    workflows.put(workflow);
    return workflow;
  }

  synchronized LaunchPlan createLaunchPlan(LaunchPlanCreateRequest request) {
    LaunchPlanValidator.validateRequest(request);
    Identifier id = request.getId();
    projects.validate(id.getProject(), id.getDomain());
    LaunchPlanSpec spec = request.getSpec();
    Workflow workflow = workflows.get(spec.getWorkflowId()).orElseThrow(() -> AdminErrors.notFound(
        "missing entity of type WORKFLOW with identifier [%s] (the launch plan's workflow)",
        Ids.describe(spec.getWorkflowId())));
    TypedInterface iface = workflow.getClosure().getCompiledWorkflow().getPrimary().getTemplate().getInterface();
    LaunchPlanValidator.validateAgainst(spec, iface);
    LaunchPlanValidator.validateSchedule(spec, iface);
    Optional<LaunchPlan> existing = launchPlans.get(id);
    if (existing.isPresent()) {
      if (existing.get().getSpec().equals(spec)) {
        throw AdminErrors.alreadyExists("launch plan with identical structure already exists");
      }
      throw AdminErrors.invalidArgument("%s launch plan with different structure already exists. (Please register a "
          + "new version of the launch plan):\n%s", id.getName(), SpecDiff.firstDifference(existing.get().getSpec(), spec));
    }
    Timestamp now = now();
    LaunchPlan plan = LaunchPlan.newBuilder().setId(id).setSpec(spec)
        .setClosure(LaunchPlanClosure.newBuilder().setState(LaunchPlanState.INACTIVE)
            .setExpectedInputs(expectedInputs(spec, iface)).setExpectedOutputs(iface.getOutputs())
            .setCreatedAt(now).setUpdatedAt(now))
        .build();
    launchPlans.put(plan);
    return plan;
  }

  /** The workflow's inputs a caller may or must give: the launch plan's defaults, the rest required, fixed ones left out. */
  private static ParameterMap expectedInputs(LaunchPlanSpec spec, TypedInterface iface) {
    ParameterMap.Builder out = ParameterMap.newBuilder();
    iface.getInputs().getVariablesMap().forEach((name, var) -> {
      if (spec.getFixedInputs().getLiteralsMap().containsKey(name)) {
        return;
      }
      Parameter declared = spec.getDefaultInputs().getParametersMap().get(name);
      out.putParameters(name, declared != null ? declared
          : Parameter.newBuilder().setVar(var).setRequired(true).build());
    });
    return out.build();
  }

  /** UpdateLaunchPlan: activating one version deactivates the others of the same name. */
  synchronized void updateLaunchPlanState(Identifier id, LaunchPlanState state) {
    Ids.validateFieldsSet(id);
    LaunchPlan plan = launchPlans.get(id).orElseThrow(() -> AdminErrors.notFound(
        "missing entity of type LAUNCH_PLAN with identifier [%s]", Ids.describe(id)));
    if (state == LaunchPlanState.ACTIVE) {
      for (LaunchPlan other : launchPlans.versions(Ids.named(id))) {
        if (other.getClosure().getState() == LaunchPlanState.ACTIVE) {
          launchPlans.put(withState(other, LaunchPlanState.INACTIVE));
        }
      }
    }
    launchPlans.put(withState(plan, state));
  }

  synchronized LaunchPlan activeLaunchPlan(NamedEntityIdentifier id) {
    Ids.validate(id);
    return launchPlans.versions(id).stream().filter(lp -> lp.getClosure().getState() == LaunchPlanState.ACTIVE)
        .findFirst().orElseThrow(() -> AdminErrors.notFound("No active launch plan could be found: %s:%s:%s",
            id.getProject(), id.getDomain(), id.getName()));
  }

  private static LaunchPlan withState(LaunchPlan plan, LaunchPlanState state) {
    LaunchPlan.Builder b = plan.toBuilder();
    b.getClosureBuilder().setState(state).setUpdatedAt(now());
    return b.build();
  }

  Optional<TaskTemplate> taskTemplate(Identifier id) {
    return tasks.get(id).map(t -> t.getClosure().getCompiledTask().getTemplate());
  }

  static <T> T get(Repository<T> repo, Identifier id, String kind) {
    Ids.validateFieldsSet(id);
    return repo.get(id).orElseThrow(() -> AdminErrors.notFound("missing entity of type %s with identifier [%s]",
        kind, Ids.describe(id)));
  }

  static List<NamedEntityIdentifier> names(List<NamedEntityIdentifier> ids) {
    return ids.stream().distinct().toList();
  }

  private static Identifier key(Identifier id) {
    return Ids.key(id);
  }

  static Timestamp now() {
    Instant now = Instant.now();
    return Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()).build();
  }
}
