package dev.flytejava.runtime.idl;

import dev.flytejava.runtime.idl.IdlCompileException.Site;
import dev.flytejava.runtime.model.BranchNode;
import dev.flytejava.runtime.model.LaunchPlan;
import dev.flytejava.runtime.model.LaunchPlanNode;
import dev.flytejava.runtime.model.MapNode;
import dev.flytejava.runtime.model.Node;
import dev.flytejava.runtime.model.SubworkflowNode;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.TaskNode;
import dev.flytejava.runtime.model.Workflow;
import dev.flytejava.runtime.types.TypeEngine;
import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One compile run: walks the entities depth-first, as flytekit's {@code get_serializable} does, so that every spec
 * comes after the specs it refers to (a node's task, map task, subworkflow or launch plan before its workflow, a
 * workflow before its launch plans), and keeps one spec per kind and name.
 */
final class Compilation {
  private final Problems problems = new Problems();
  private final TaskSpecs taskSpecs;
  private final WorkflowSpecs workflowSpecs;
  private final LaunchPlanSpecs launchPlanSpecs;
  /** Specs in registration order, by kind and name. */
  private final Map<String, CompiledSpec> specs = new LinkedHashMap<>();
  private final Set<Object> visited = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<Workflow, WorkflowSpec> workflows = new IdentityHashMap<>();

  Compilation(TypeEngine engine, CompileOptions options) {
    Interfaces interfaces = new Interfaces(engine, problems);
    Bindings bindings = new Bindings(engine, problems);
    this.taskSpecs = new TaskSpecs(interfaces, options, problems);
    this.workflowSpecs = new WorkflowSpecs(interfaces, bindings, new Conditions(bindings, problems), problems);
    this.launchPlanSpecs = new LaunchPlanSpecs(interfaces, bindings);
  }

  /** The specs of {@code set} and of all they use, with blank project, domain and version. */
  List<CompiledSpec> run(EntitySet set) {
    set.tasks().forEach(this::task);
    set.workflows().forEach(this::workflow);
    set.launchPlans().forEach(this::launchPlan);
    problems.throwIfAny();
    return List.copyOf(specs.values());
  }

  private void task(Task t) {
    if (t.body() instanceof dev.flytejava.runtime.model.ReferenceTask) {
      return; // registered elsewhere: a node refers to it by its full identifier
    }
    if (visited.add(t)) {
      add(new CompiledSpec.OfTask(taskSpecs.of(t)), "task");
    }
  }

  private WorkflowSpec workflow(Workflow wf) {
    WorkflowSpec known = workflows.get(wf);
    if (known != null) {
      return known;
    }
    for (Node n : wf.nodes()) {
      dependencies(n);
    }
    WorkflowSpec spec = workflowSpecs.of(wf, this::workflow);
    workflows.put(wf, spec);
    add(new CompiledSpec.OfWorkflow(spec), "workflow");
    launchPlan(LaunchPlan.defaultFor(wf));
    return spec;
  }

  private void launchPlan(LaunchPlan lp) {
    if (dev.flytejava.runtime.model.ReferenceLaunchPlan.of(lp) != null) {
      return; // registered elsewhere: a node refers to it by its full identifier
    }
    if (visited.add(lp)) {
      workflow(lp.workflow());
      add(new CompiledSpec.OfLaunchPlan(launchPlanSpecs.of(lp)), "launch plan");
    }
  }

  private void dependencies(Node n) {
    if (n instanceof TaskNode t) {
      task(t.task());
    } else if (n instanceof MapNode m) {
      if (visited.add(m)) {
        add(new CompiledSpec.OfTask(taskSpecs.ofMap(m)), "task");
      }
    } else if (n instanceof SubworkflowNode s) {
      workflow(s.workflow());
    } else if (n instanceof LaunchPlanNode l) {
      launchPlan(l.launchPlan());
    } else if (n instanceof BranchNode b) {
      b.armNodes().forEach(this::dependencies);
    }
  }

  /** Adds a spec; the same spec twice is kept once, two different specs of one kind and name are a problem. */
  private void add(CompiledSpec spec, String kind) {
    String key = spec.kind() + ":" + spec.name();
    CompiledSpec earlier = specs.putIfAbsent(key, spec);
    if (earlier != null && !earlier.message().equals(spec.message())) {
      String hint = spec instanceof CompiledSpec.OfLaunchPlan
          ? "; each workflow also has a default launch plan of its own name" : "";
      problems.add(Site.of(kind + " [" + spec.name() + "]"), "two different " + kind + "s have this name; rename one"
          + hint);
    }
  }
}
