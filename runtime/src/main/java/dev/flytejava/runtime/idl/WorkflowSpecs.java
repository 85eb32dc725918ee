package dev.flytejava.runtime.idl;

import com.google.protobuf.BoolValue;
import dev.flytejava.runtime.idl.IdlCompileException.Site;
import dev.flytejava.runtime.model.Binding;
import dev.flytejava.runtime.model.BranchNode;
import dev.flytejava.runtime.model.LaunchPlanNode;
import dev.flytejava.runtime.model.MapNode;
import dev.flytejava.runtime.model.Node;
import dev.flytejava.runtime.model.NodeDependencies;
import dev.flytejava.runtime.model.SubworkflowNode;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.TaskNode;
import dev.flytejava.runtime.model.Variable;
import dev.flytejava.runtime.model.Workflow;
import flyteidl.admin.DescriptionEntityOuterClass.Description;
import flyteidl.admin.DescriptionEntityOuterClass.DescriptionEntity;
import flyteidl.admin.DescriptionEntityOuterClass.DescriptionFormat;
import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Literals.BindingData;
import flyteidl.core.Literals.RetryStrategy;
import flyteidl.core.Types.Error;
import flyteidl.core.Workflow.ArrayNode;
import flyteidl.core.Workflow.IfBlock;
import flyteidl.core.Workflow.IfElseBlock;
import flyteidl.core.Workflow.NodeMetadata;
import flyteidl.core.Workflow.TaskNodeOverrides;
import flyteidl.core.Workflow.WorkflowMetadata;
import flyteidl.core.Workflow.WorkflowMetadataDefaults;
import flyteidl.core.Workflow.WorkflowNode;
import flyteidl.core.Workflow.WorkflowTemplate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Workflows as flytekit's translator writes them: the template (interface, nodes with metadata, bindings sorted by
 * input name and upstream node ids, output bindings) and every subworkflow template it reaches, sorted by name.
 * Nodes keep their ids. There are no start and end nodes: FlyteAdmin's compiler adds them.
 */
final class WorkflowSpecs {
  /** Node ids FlytePropeller gives its own start and end nodes. */
  private static final Set<String> RESERVED_NODE_IDS = Set.of("start-node", "end-node");
  /** The message of a branch that matches no case and has neither an otherwise node nor a message. */
  static final String NO_CASE_MATCHED = "no case matched and the branch has no otherwise";

  /** What every node of one task shares, built once per task (a workflow may call one task a thousand times). */
  private record TaskTarget(NodeMetadata metadata, flyteidl.core.Workflow.TaskNode taskNode) {}

  private final Map<Task, TaskTarget> taskTargets = new IdentityHashMap<>();
  private final Interfaces interfaces;
  private final Bindings bindings;
  private final Conditions conditions;
  private final Problems problems;

  WorkflowSpecs(Interfaces interfaces, Bindings bindings, Conditions conditions, Problems problems) {
    this.interfaces = interfaces;
    this.bindings = bindings;
    this.conditions = conditions;
    this.problems = problems;
  }

  /**
   * The spec of {@code wf}. {@code compiledSubworkflow} gives the spec of each workflow a node runs inline, which
   * must have been compiled first.
   */
  WorkflowSpec of(Workflow wf, Function<Workflow, WorkflowSpec> compiledSubworkflow) {
    Site site = Site.of("workflow [" + wf.name() + "]");
    WorkflowTemplate.Builder template = WorkflowTemplate.newBuilder()
        .setId(workflowId(wf.name()))
        .setMetadata(WorkflowMetadata.getDefaultInstance())
        .setInterface(interfaces.of(site, wf.iface().inputs(), wf.iface().outputs()))
        .setMetadataDefaults(WorkflowMetadataDefaults.getDefaultInstance());
    for (Node n : wf.nodes()) {
      template.addNodes(node(site, "", n));
    }
    for (Variable out : wf.iface().outputs()) {
      Binding b = wf.outputs().get(out.name());
      BindingData data = b == null ? null : bindings.of(site.output(out.name()), b, out.type());
      if (b == null) {
        problems.add(site.output(out.name()), "output is not bound");
      } else if (data != null) {
        template.addOutputs(flyteidl.core.Literals.Binding.newBuilder().setVar(out.name()).setBinding(data));
      }
    }
    Map<String, WorkflowTemplate> subworkflows = new TreeMap<>();
    for (Workflow sub : subworkflowsOf(wf.nodes())) {
      WorkflowSpec spec = compiledSubworkflow.apply(sub);
      subworkflows.put(spec.getTemplate().getId().getName(), spec.getTemplate());
      spec.getSubWorkflowsList().forEach(t -> subworkflows.put(t.getId().getName(), t));
    }
    return WorkflowSpec.newBuilder()
        .setTemplate(template)
        .addAllSubWorkflows(subworkflows.values())
        .setDescription(DescriptionEntity.newBuilder()
            .setLongDescription(Description.newBuilder().setFormat(DescriptionFormat.DESCRIPTION_FORMAT_RST)))
        .build();
  }

  static Identifier workflowId(String name) {
    return Identifier.newBuilder().setResourceType(ResourceType.WORKFLOW).setName(name).build();
  }

  /** A reference launch plan's full identifier (left as it is by {@link SpecRewrite}), else the plan's blank one. */
  static Identifier referenceOrLaunchPlanId(dev.flytejava.runtime.model.LaunchPlan plan) {
    dev.flytejava.runtime.model.ReferenceLaunchPlan r = dev.flytejava.runtime.model.ReferenceLaunchPlan.of(plan);
    if (r != null) {
      return TaskSpecs.referenceId(ResourceType.LAUNCH_PLAN, r.id());
    }
    return launchPlanId(plan.name());
  }

  static Identifier launchPlanId(String name) {
    return Identifier.newBuilder().setResourceType(ResourceType.LAUNCH_PLAN).setName(name).build();
  }

  /** The workflows run inline by these nodes or by the arms of their branches, in order of appearance. */
  static List<Workflow> subworkflowsOf(List<Node> nodes) {
    List<Workflow> out = new ArrayList<>();
    for (Node n : nodes) {
      if (n instanceof SubworkflowNode s) {
        out.add(s.workflow());
      } else if (n instanceof BranchNode b) {
        out.addAll(subworkflowsOf(b.armNodes()));
      }
    }
    return out;
  }

  /** A node; {@code label} prefixes its id in problems (a branch arm is {@code branch/arm}). */
  private flyteidl.core.Workflow.Node node(Site wfSite, String label, Node n) {
    Site site = wfSite.node(label + n.id());
    if (RESERVED_NODE_IDS.contains(n.id())) {
      problems.add(site, "node id [" + n.id() + "] is reserved by Flyte for its own " + n.id().replace("-node", "")
          + " node; rename the node");
    }
    flyteidl.core.Workflow.Node.Builder node = flyteidl.core.Workflow.Node.newBuilder().setId(n.id());
    for (String up : NodeDependencies.of(n)) {
      if (!up.equals(Bindings.GLOBAL_INPUT_NODE_ID)) {
        node.addUpstreamNodeIds(up);
      }
    }
    if (n instanceof TaskNode t) {
      TaskTarget target = taskTargets.computeIfAbsent(t.task(), task -> new TaskTarget(
          TaskSpecs.nodeMetadata(task, task.name()).build(),
          flyteidl.core.Workflow.TaskNode.newBuilder()
              .setReferenceId(TaskSpecs.referenceOrTaskId(task))
              .setOverrides(TaskNodeOverrides.getDefaultInstance()).build()));
      node.setMetadata(target.metadata())
          .addAllInputs(inputs(site, n, Map.of()))
          .setTaskNode(target.taskNode());
    } else if (n instanceof MapNode m) {
      mapNode(site, m, node);
    } else if (n instanceof SubworkflowNode s) {
      node.setMetadata(workflowNodeMetadata(s.workflow().name()))
          .addAllInputs(inputs(site, n, s.workflow().defaults()))
          .setWorkflowNode(WorkflowNode.newBuilder().setSubWorkflowRef(workflowId(s.workflow().name())));
    } else if (n instanceof LaunchPlanNode l) {
      // as flytekit: the plan's own defaults are bound, its workflow's defaults stay with the plan
      node.setMetadata(workflowNodeMetadata(l.launchPlan().workflow().name()))
          .addAllInputs(inputs(site, n, l.launchPlan().defaultInputs()))
          .setWorkflowNode(WorkflowNode.newBuilder().setLaunchplanRef(referenceOrLaunchPlanId(l.launchPlan())));
    } else {
      branchNode(wfSite, label + n.id() + "/", site, (BranchNode) n, node);
    }
    return node.build();
  }

  /** flytekit's metadata of a node running a workflow or launch plan: the workflow's short name. */
  private static NodeMetadata workflowNodeMetadata(String workflowName) {
    return NodeMetadata.newBuilder()
        .setName(TaskSpecs.shortName(workflowName))
        .setRetries(RetryStrategy.getDefaultInstance())
        .setInterruptible(false)
        .build();
  }

  /**
   * flytekit's {@code ArrayNode} of a {@code map_task}: an outer node with the map task's name, and a sub-node with
   * the same bindings running the map task, with the mapped task's retries and timeout.
   */
  private void mapNode(Site site, MapNode m, flyteidl.core.Workflow.Node.Builder node) {
    if (m.task().body() instanceof dev.flytejava.runtime.model.ReferenceTask r) {
      problems.add(site, "maps reference task [" + r + "]; a map runs a task of this workflow's code, so wrap the"
          + " call in a subworkflow or declare the task here");
    }
    String name = TaskSpecs.mapTaskName(m);
    List<flyteidl.core.Literals.Binding> inputs = inputs(site, m, Map.of());
    flyteidl.core.Workflow.Node sub = flyteidl.core.Workflow.Node.newBuilder()
        .setId(name)
        .setMetadata(TaskSpecs.nodeMetadata(m.task(), name).setName(name))
        .addAllInputs(inputs)
        .setTaskNode(flyteidl.core.Workflow.TaskNode.newBuilder()
            .setReferenceId(TaskSpecs.taskId(name))
            .setOverrides(TaskNodeOverrides.getDefaultInstance()))
        .build();
    ArrayNode.Builder array = ArrayNode.newBuilder()
        .setNode(sub)
        .setMinSuccessRatio((float) m.minSuccessRatio())
        .setIsOriginalSubNodeInterface(BoolValue.of(false))
        .addAllBoundInputs(new TreeSet<>(m.fixedInputs()));
    if (m.concurrency() > 0) {
      array.setParallelism(m.concurrency());
    }
    node.setMetadata(NodeMetadata.newBuilder().setName(name).setRetries(RetryStrategy.getDefaultInstance()))
        .addAllInputs(inputs)
        .setArrayNode(array);
  }

  /**
   * flytekit's branch node: named after the branch, its inputs the condition operands, cases in order, then the
   * otherwise node or an error that names the branch.
   */
  private void branchNode(Site wfSite, String armLabel, Site site, BranchNode b,
      flyteidl.core.Workflow.Node.Builder node) {
    IfElseBlock.Builder ifElse = IfElseBlock.newBuilder();
    for (int i = 0; i < b.cases().size(); i++) {
      BranchNode.Case c = b.cases().get(i);
      IfBlock block = IfBlock.newBuilder()
          .setCondition(conditions.of(site, c.condition()))
          .setThenNode(node(wfSite, armLabel, c.node()))
          .build();
      if (i == 0) {
        ifElse.setCase(block);
      } else {
        ifElse.addOther(block);
      }
    }
    if (b.otherwise() != null) {
      ifElse.setElseNode(node(wfSite, armLabel, b.otherwise()));
    } else {
      ifElse.setError(Error.newBuilder()
          .setFailedNodeId(b.id())
          .setMessage(b.otherwiseError() != null ? b.otherwiseError() : NO_CASE_MATCHED));
    }
    Map<String, BindingData> operands =
        Conditions.operandInputs(b.cases().stream().map(BranchNode.Case::condition).toList());
    operands.forEach((var, data) -> node.addInputs(flyteidl.core.Literals.Binding.newBuilder()
        .setVar(var).setBinding(data)));
    node.setMetadata(NodeMetadata.newBuilder().setName(b.id()).setRetries(RetryStrategy.getDefaultInstance()))
        .setBranchNode(flyteidl.core.Workflow.BranchNode.newBuilder().setIfElse(ifElse));
  }

  /**
   * The node's input bindings sorted by input name, as flytekit sorts them; an input left unbound takes its value
   * from {@code defaults} (Java values) as flytekit binds a subworkflow's defaults and a launch plan's saved inputs.
   */
  private List<flyteidl.core.Literals.Binding> inputs(Site site, Node n, Map<String, Object> defaults) {
    Map<String, Variable> expected = new LinkedHashMap<>();
    n.inputVariables().forEach(v -> expected.put(v.name(), v));
    for (String bound : n.inputs().keySet()) {
      if (!expected.containsKey(bound)) {
        problems.add(site.input(bound), "the node has no such input; " + n.describe() + " takes "
            + expected.keySet());
      }
    }
    List<flyteidl.core.Literals.Binding> out = new ArrayList<>();
    List<Variable> sorted = new ArrayList<>(expected.values());
    sorted.sort(Comparator.comparing(Variable::name));
    for (Variable v : sorted) {
      Binding b = n.inputs().get(v.name());
      if (b == null && defaults.containsKey(v.name())) {
        b = Binding.literal(defaults.get(v.name()));
      }
      if (b == null) {
        if (!(n instanceof LaunchPlanNode l && l.launchPlan().hasDefault(v.name()))) {
          problems.add(site.input(v.name()), "the input is not bound");
        }
        continue;
      }
      BindingData data = bindings.of(site.input(v.name()), b, v.type());
      if (data != null) {
        out.add(flyteidl.core.Literals.Binding.newBuilder().setVar(v.name()).setBinding(data).build());
      }
    }
    return out;
  }
}
