package dev.flytejava.runtime.idl;

import dev.flytejava.runtime.model.LaunchPlan;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to compile: tasks, workflows and launch plans. Everything they use (tasks of nodes, subworkflows, launch
 * plans of nodes, the workflows of launch plans) is compiled too, so a workflow alone is enough; every workflow
 * also gets its default launch plan, as {@code pyflyte package} writes one for each.
 */
public record EntitySet(List<Task> tasks, List<Workflow> workflows, List<LaunchPlan> launchPlans) {

  public EntitySet {
    tasks = List.copyOf(tasks);
    workflows = List.copyOf(workflows);
    launchPlans = List.copyOf(launchPlans);
  }

  /** A set of tasks, workflows and launch plans, in the order given. */
  public static EntitySet of(Object... entities) {
    List<Task> tasks = new ArrayList<>();
    List<Workflow> workflows = new ArrayList<>();
    List<LaunchPlan> plans = new ArrayList<>();
    for (Object e : entities) {
      Objects.requireNonNull(e, "entity");
      if (e instanceof Task t) {
        tasks.add(t);
      } else if (e instanceof Workflow w) {
        workflows.add(w);
      } else if (e instanceof LaunchPlan lp) {
        plans.add(lp);
      } else {
        throw new IllegalArgumentException("Not a task, workflow or launch plan: [" + e.getClass().getName() + "]");
      }
    }
    return new EntitySet(tasks, workflows, plans);
  }
}
