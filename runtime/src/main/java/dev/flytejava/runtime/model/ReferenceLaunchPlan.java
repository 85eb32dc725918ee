package dev.flytejava.runtime.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A launch plan registered elsewhere, which a workflow calls by its full identifier, as flytekit's
 * {@code reference_launch_plan} does: a launch plan node refers to {@code project:domain:name:version}, and nothing of
 * it is compiled or registered again. It is a {@link LaunchPlan} over a stand-in workflow of one node whose task body
 * is this reference, so that wiring, type checks and local runs treat it as any launch plan; locally that node fails,
 * saying the launch plan runs only remotely.
 */
public final class ReferenceLaunchPlan implements TaskBody {
  /** The stand-in workflow's one node. */
  public static final String NODE = "remote";

  private final ReferenceId id;

  private ReferenceLaunchPlan(ReferenceId id) {
    this.id = java.util.Objects.requireNonNull(id, "id");
  }

  /** A launch plan named {@code localName} (how cells call it) standing for {@code id}. */
  public static LaunchPlan of(String localName, TypedInterface iface, ReferenceId id) {
    ReferenceLaunchPlan reference = new ReferenceLaunchPlan(id);
    Task standIn = new Task(localName, iface, TaskOptions.defaults(), "reference-launch-plan:" + reference, reference);
    Map<String, Binding> inputs = new LinkedHashMap<>();
    iface.inputs().forEach(v -> inputs.put(v.name(), Binding.input(v.name())));
    Map<String, Binding> outputs = new LinkedHashMap<>();
    iface.outputs().forEach(v -> outputs.put(v.name(), Binding.output(NODE, v.name())));
    Workflow workflow = new Workflow(localName, iface, Map.of(), List.of(new TaskNode(NODE, standIn, inputs, List.of())),
        outputs, Set.of(), Set.of());
    return LaunchPlan.defaultFor(workflow);
  }

  /** The reference a launch plan stands for, or null when it is one of this code's own. */
  public static ReferenceLaunchPlan of(LaunchPlan plan) {
    List<Node> nodes = plan.workflow().nodes();
    return nodes.size() == 1 && nodes.get(0) instanceof TaskNode t && t.task().body() instanceof ReferenceLaunchPlan r ? r : null;
  }

  public ReferenceId id() {
    return id;
  }

  @Override
  public Object run(Object[] inputs) {
    throw new UnsupportedOperationException("reference launch plan " + this
        + " runs only remotely: call it from a workflow and use %flyte run --remote");
  }

  @Override
  public String toString() {
    return id.toString();
  }
}
