package dev.flytejava.runtime.idl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Message;
import dev.flytejava.runtime.model.EntityId.Kind;
import dev.flytejava.runtime.model.Variable;
import dev.flytejava.runtime.types.JavaTypes;
import dev.flytejava.runtime.types.TypeEngine;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;
import flyteidl.core.Condition.BooleanExpression;
import flyteidl.core.Condition.ComparisonExpression;
import flyteidl.core.Condition.ConjunctionExpression;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.Interface.Parameter;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Literals.Binding;
import flyteidl.core.Literals.BindingData;
import flyteidl.core.Tasks.Container;
import flyteidl.core.Tasks.Resources.ResourceName;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.core.Workflow.ArrayNode;
import flyteidl.core.Workflow.IfElseBlock;
import flyteidl.core.Workflow.Node;
import flyteidl.core.Workflow.WorkflowTemplate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Compiles {@link EveryConstruct} and checks each spec as the official protos read it back: interfaces equal the
 * local ones through the type engine, and each construct is laid out as flytekit 1.16 lays it out (as pyflyte's
 * output of the equivalent flytekit code shows; {@link PyflyteGoldenTest} compares the shapes the modern golden
 * set has field by field).
 */
class IdlCompilerTest {
  private final TypeEngine engine = TypeEngine.createDefault(getClass().getClassLoader());
  private final EveryConstruct every = new EveryConstruct(engine);
  private final CompiledEntities compiled =
      new IdlCompiler(engine).compile(every.entities(), CompileOptions.forPackage(), "0123456789abcdef");

  @Test
  void everySpecDecodesWithTheOfficialProtosAndItsInterfaceIsTheLocalOne() throws Exception {
    // depth-first in node order, as flytekit's get_serializable; the first map's name is flytekit's own for the
    // same configuration (bound factor, concurrency 4, ratio 1.0), as pyflyte writes it
    assertEquals(List.of("prepare", "addOne", "inner", "inner", "scale", "sub", "sub", "sub_plan", "noop", "stats",
        "label", "point", "map_scale_5876bc1cd0bec2ff43b03acaa56fe9d1-arraynode",
        "map_addOne_1f2210850ffce76071ffac74a263152a-arraynode", "cleanup", "every", "every", "nightly"),
        compiled.specs().stream().map(CompiledSpec::name).toList());
    for (CompiledSpec spec : compiled.specs()) {
      byte[] bytes = Protos.deterministicBytes(spec.message());
      Message decoded = switch (spec.kind()) {
        case TASK -> TaskSpec.parseFrom(bytes);
        case WORKFLOW -> WorkflowSpec.parseFrom(bytes);
        case LAUNCH_PLAN -> LaunchPlan.parseFrom(bytes);
      };
      assertEquals(spec.message(), decoded, spec.name());
    }
    assertInterface(every.addOne.iface().inputs(), every.addOne.iface().outputs(), task("addOne").getInterface());
    assertInterface(every.stats.iface().inputs(), every.stats.iface().outputs(), task("stats").getInterface());
    assertInterface(every.label.iface().inputs(), every.label.iface().outputs(), task("label").getInterface());
    assertInterface(every.every.iface().inputs(), every.every.iface().outputs(),
        workflow("every").getTemplate().getInterface());
    assertInterface(every.sub.iface().inputs(), every.sub.iface().outputs(), workflow("sub").getTemplate().getInterface());
    Node tolerant = node(workflow("every").getTemplate(), "tolerant");
    TaskTemplate mapTask = task(tolerant.getArrayNode().getNode().getTaskNode().getReferenceId().getName());
    assertInterface(List.of(new Variable("x", JavaTypes.listOf(long.class))),
        List.of(new Variable("o0", JavaTypes.listOf(JavaTypes.optionalOf(long.class)))), mapTask.getInterface());
    Map<String, Parameter> params = plan("nightly").getSpec().getDefaultInputs().getParametersMap();
    assertEquals(Set.of("x", "xs", "note"), params.keySet(), "fixed input y is no parameter");
    for (Variable v : every.every.iface().inputs()) {
      if (params.containsKey(v.name())) {
        assertEquals(engine.literalTypeOf(v.type()), params.get(v.name()).getVar().getType(), v.name());
      }
    }
  }

  @Test
  void specsComeInRegistrationOrderAndReferToEntitiesOfThePackage() {
    Set<String> earlier = new HashSet<>();
    for (CompiledSpec spec : compiled.specs()) {
      for (Identifier ref : ProtoWalk.all(spec.message(), Identifier.class)) {
        boolean inline = spec.message() instanceof WorkflowSpec w && w.getSubWorkflowsList().stream()
            .anyMatch(t -> t.getId().equals(ref));
        if (!ref.equals(spec.id()) && !inline) {
          assertTrue(earlier.contains(key(ref)), spec.name() + " refers to " + key(ref) + " before it is registered");
        }
        assertEquals("", ref.getProject(), "pyflyte leaves project to flytectl");
        assertEquals("", ref.getDomain(), "pyflyte leaves domain to flytectl");
        assertEquals(compiled.version(), ref.getVersion());
      }
      earlier.add(key(spec.id()));
    }
  }

  @Test
  void javaTaskIsAContainerTaskWithItsOptions() {
    TaskTemplate t = task("addOne");
    assertEquals("java-task", t.getType());
    assertTrue(t.getMetadata().getDiscoverable());
    assertTrue(t.getMetadata().getDiscoveryVersion().startsWith("v1-"), t.getMetadata().getDiscoveryVersion());
    assertEquals(2, t.getMetadata().getRetries().getRetries());
    assertEquals(300, t.getMetadata().getTimeout().getSeconds());
    assertEquals("FLYTE_SDK", t.getMetadata().getRuntime().getType().name());
    assertFalse(t.getMetadata().hasInterruptible(), "as flytekit: unset unless the task says so");
    Container c = t.getContainer();
    assertEquals("example.org/custom:1", c.getImage());
    assertEquals(List.of("CPU=1", "MEMORY=1Gi"), c.getResources().getRequestsList().stream()
        .map(r -> r.getName() + "=" + r.getValue()).toList());
    assertEquals(List.of("CPU=2", "MEMORY=2Gi", "GPU=1"), c.getResources().getLimitsList().stream()
        .map(r -> r.getName() + "=" + r.getValue()).toList(), "flytekit's order: cpu, mem, gpu");
    assertEquals(List.of("B=2", "A=1"), c.getEnvList().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    assertEquals(List.of("flyte-java", "entrypoint", "--task", "addOne", "--code", "{{ .remote_package_path }}",
        "--inputs", "{{.input}}", "--output-prefix", "{{.outputPrefix}}", "--raw-output-data-prefix",
        "{{.rawOutputDataPrefix}}", "--checkpoint-path", "{{.checkpointOutputPrefix}}", "--prev-checkpoint",
        "{{.prevCheckpointPrefix}}"), c.getArgsList());
    TaskTemplate plain = task("scale");
    assertEquals(CompileOptions.DEFAULT_IMAGE, plain.getContainer().getImage());
    assertFalse(plain.getMetadata().getDiscoverable());
    assertEquals("", plain.getMetadata().getDiscoveryVersion());
    assertTrue(plain.getMetadata().hasRetries(), "flytekit writes an empty retries {}");
    assertFalse(plain.getMetadata().hasTimeout());
  }

  @Test
  void nodesBindWorkflowInputsFromTheGlobalNodeAndListTheirUpstreamNodes() {
    WorkflowTemplate wf = workflow("every").getTemplate();
    assertEquals(List.of("setup", "a", "viaSub", "viaPlan", "first", "second", "stats", "label", "point", "pick",
        "choose", "mapped", "tolerant", "teardown"), wf.getNodesList().stream().map(Node::getId).toList());
    Node a = node(wf, "a");
    assertEquals("addOne", a.getMetadata().getName());
    assertEquals(2, a.getMetadata().getRetries().getRetries());
    assertEquals(300, a.getMetadata().getTimeout().getSeconds());
    assertEquals(promise("", "x"), a.getInputs(0).getBinding());
    assertEquals(List.of("setup"), a.getUpstreamNodeIdsList(), "setup runs before every body node");
    assertEquals(Set.of("setup", "first"), Set.copyOf(node(wf, "second").getUpstreamNodeIdsList()));
    Set<String> body = wf.getNodesList().stream().map(Node::getId)
        .filter(id -> !id.equals("teardown")).collect(Collectors.toSet());
    assertEquals(body, Set.copyOf(node(wf, "teardown").getUpstreamNodeIdsList()), "teardown runs after the rest");
    Node stats = node(wf, "stats");
    assertEquals(List.of(promise("a", "o0"), promise("viaSub", "o0"),
        BindingData.newBuilder().setScalar(engine.toLiteral(10L, long.class).getScalar()).build()),
        stats.getInputs(0).getBinding().getCollection().getBindingsList());
    assertEquals(Set.of("setup", "a", "viaSub"), Set.copyOf(stats.getUpstreamNodeIdsList()));
    Node label = node(wf, "label");
    assertEquals(List.of("note", "tags"), label.getInputsList().stream().map(Binding::getVar).toList(),
        "sorted by input name");
    assertEquals(engine.toLiteral("v", String.class).getScalar(),
        label.getInputs(1).getBinding().getMap().getBindingsOrThrow("k").getScalar());
    Node point = node(wf, "point");
    assertEquals(List.of("x", "y"), point.getInputsList().stream().map(Binding::getVar).toList());
    assertEquals(engine.toLiteral(1L, long.class).getScalar(), point.getInputs(0).getBinding().getScalar());
    assertEquals(List.of(
        Binding.newBuilder().setVar("count").setBinding(promise("stats", "count")).build(),
        Binding.newBuilder().setVar("mean").setBinding(promise("stats", "mean")).build()), wf.getOutputsList());
    assertTrue(wf.hasMetadata() && wf.hasMetadataDefaults());
  }

  @Test
  void subworkflowNodesReferToTemplatesShippedWithTheWorkflowAndBindTheirDefaults() {
    WorkflowSpec spec = workflow("every");
    assertEquals(List.of("inner", "sub"), spec.getSubWorkflowsList().stream().map(t -> t.getId().getName())
        .toList(), "every subworkflow reached, nested ones too, sorted by name");
    Node viaSub = node(spec.getTemplate(), "viaSub");
    assertEquals("sub", viaSub.getWorkflowNode().getSubWorkflowRef().getName());
    assertEquals("sub", viaSub.getMetadata().getName());
    assertTrue(viaSub.getMetadata().hasInterruptible() && !viaSub.getMetadata().getInterruptible(),
        "flytekit writes interruptible false for workflow nodes");
    assertEquals(List.of("factor", "x"), viaSub.getInputsList().stream().map(Binding::getVar).toList());
    assertEquals(engine.toLiteral(3L, long.class).getScalar(), viaSub.getInputs(0).getBinding().getScalar(),
        "the subworkflow's default is bound, as flytekit's workflow call fills it in");
    assertEquals(List.of("inner"), workflow("sub").getSubWorkflowsList().stream().map(t -> t.getId().getName())
        .toList());
  }

  @Test
  void launchPlanNodesReferToThePlanAndLeaveFixedInputsOut() {
    Node viaPlan = node(workflow("every").getTemplate(), "viaPlan");
    assertEquals("sub_plan", viaPlan.getWorkflowNode().getLaunchplanRef().getName());
    assertEquals("LAUNCH_PLAN", viaPlan.getWorkflowNode().getLaunchplanRef().getResourceType().name());
    assertEquals("sub", viaPlan.getMetadata().getName(), "flytekit names it after the plan's workflow");
    assertEquals(List.of("factor"), viaPlan.getInputsList().stream().map(Binding::getVar).toList(),
        "fixed x is left out; the plan's own default is bound, as flytekit binds its saved inputs");
    assertEquals(engine.toLiteral(5L, long.class).getScalar(), viaPlan.getInputs(0).getBinding().getScalar());
    LaunchPlan subPlan = plan("sub_plan");
    assertEquals(engine.toLiteral(4L, long.class), subPlan.getSpec().getFixedInputs().getLiteralsOrThrow("x"));
    assertEquals(engine.toLiteral(5L, long.class),
        subPlan.getSpec().getDefaultInputs().getParametersOrThrow("factor").getDefault());
  }

  @Test
  void branchesAreIfElseBlocksOnOperandsBoundAsBranchInputs() {
    Node pick = node(workflow("every").getTemplate(), "pick");
    assertEquals("pick", pick.getMetadata().getName());
    assertEquals(List.of(".x", ".y", "stats.count"), pick.getInputsList().stream().map(Binding::getVar).toList());
    assertEquals(promise("stats", "count"), pick.getInputs(2).getBinding());
    assertEquals(Set.of("setup", "stats", "a"), Set.copyOf(pick.getUpstreamNodeIdsList()),
        "the branch waits for its conditions' nodes and its arms' inputs");
    IfElseBlock ifElse = pick.getBranchNode().getIfElse();
    ConjunctionExpression and = ifElse.getCase().getCondition().getConjunction();
    assertEquals(ConjunctionExpression.LogicalOperator.AND, and.getOperator());
    ComparisonExpression gt = and.getLeftExpression().getComparison();
    assertEquals(ComparisonExpression.Operator.GT, gt.getOperator());
    assertEquals(".x", gt.getLeftValue().getVar());
    assertEquals(3, gt.getRightValue().getPrimitive().getInteger());
    assertEquals(2.5, and.getRightExpression().getComparison().getRightValue().getPrimitive().getFloatValue());
    assertEquals("big", ifElse.getCase().getThenNode().getId());
    assertEquals(promise("a", "o0"), ifElse.getCase().getThenNode().getInputs(0).getBinding());
    assertEquals(1, ifElse.getOtherCount());
    BooleanExpression or = ifElse.getOther(0).getCondition();
    assertEquals(ConjunctionExpression.LogicalOperator.OR, or.getConjunction().getOperator());
    assertEquals("stats.count", or.getConjunction().getLeftExpression().getComparison().getLeftValue().getVar());
    assertEquals(ComparisonExpression.Operator.GTE,
        or.getConjunction().getRightExpression().getComparison().getOperator());
    assertEquals("sub", ifElse.getOther(0).getThenNode().getWorkflowNode().getSubWorkflowRef().getName());
    assertEquals("pick", ifElse.getError().getFailedNodeId());
    assertEquals("nothing matched", ifElse.getError().getMessage());

    IfElseBlock choose = node(workflow("every").getTemplate(), "choose").getBranchNode().getIfElse();
    assertEquals(ComparisonExpression.Operator.NEQ, choose.getCase().getCondition().getComparison().getOperator());
    assertEquals("other", choose.getElseNode().getId());
    assertEquals(List.of("factor", "x"), choose.getElseNode().getInputsList().stream().map(Binding::getVar).toList());
  }

  @Test
  void mapNodesAreArrayNodesRunningAMapTaskAsFlytekitWritesThem() {
    WorkflowTemplate wf = workflow("every").getTemplate();
    Node mapped = node(wf, "mapped");
    ArrayNode array = mapped.getArrayNode();
    String name = "map_scale_5876bc1cd0bec2ff43b03acaa56fe9d1-arraynode";
    assertEquals(name, mapped.getMetadata().getName());
    assertEquals(name, array.getNode().getId());
    assertEquals(name, array.getNode().getTaskNode().getReferenceId().getName());
    assertEquals(mapped.getInputsList(), array.getNode().getInputsList());
    assertEquals(List.of("factor", "x"), mapped.getInputsList().stream().map(Binding::getVar).toList());
    assertEquals(promise("choose", "o0"), mapped.getInputs(0).getBinding());
    assertEquals(4, array.getParallelism());
    assertEquals(1.0f, array.getMinSuccessRatio());
    assertEquals(List.of("factor"), array.getBoundInputsList());
    assertTrue(array.hasIsOriginalSubNodeInterface() && !array.getIsOriginalSubNodeInterface().getValue());
    TaskTemplate mapTask = task(name);
    assertEquals(1, mapTask.getTaskTypeVersion());
    assertEquals(engine.literalTypeOf(long.class),
        mapTask.getInterface().getInputs().getVariablesOrThrow("factor").getType(), "a fixed input keeps its type");
    assertEquals(engine.literalTypeOf(JavaTypes.listOf(long.class)),
        mapTask.getInterface().getInputs().getVariablesOrThrow("x").getType());
    assertEquals(EntrypointArgs.forTask("scale"), mapTask.getContainer().getArgsList());

    ArrayNode tolerant = node(wf, "tolerant").getArrayNode();
    assertEquals(ArrayNode.ParallelismOptionCase.PARALLELISMOPTION_NOT_SET, tolerant.getParallelismOptionCase(),
        "concurrency 0 leaves parallelism to Flyte, as flytekit's concurrency=None");
    assertEquals(0.5f, tolerant.getMinSuccessRatio());
    assertEquals(2, tolerant.getNode().getMetadata().getRetries().getRetries(), "the mapped task's retries");
    assertEquals(List.of(), tolerant.getBoundInputsList());
  }

  @Test
  void launchPlansCarryDefaultsFixedInputsAndTheCronSchedule() {
    LaunchPlan nightly = plan("nightly");
    assertEquals("every", nightly.getSpec().getWorkflowId().getName());
    assertEquals("0 3 * * *", nightly.getSpec().getEntityMetadata().getSchedule().getCronSchedule().getSchedule());
    assertEquals(engine.toLiteral(1.5, double.class), nightly.getSpec().getFixedInputs().getLiteralsOrThrow("y"));
    Map<String, Parameter> p = nightly.getSpec().getDefaultInputs().getParametersMap();
    assertEquals(engine.toLiteral(7L, long.class), p.get("x").getDefault(), "the workflow's default");
    assertEquals(engine.toLiteral(List.of(1L, 2L), JavaTypes.listOf(Long.class)), p.get("xs").getDefault());
    assertEquals(engine.toLiteral(java.util.Optional.of("n"), JavaTypes.optionalOf(String.class)),
        p.get("note").getDefault());
    assertTrue(nightly.getSpec().hasLabels() && nightly.getSpec().hasAnnotations()
        && nightly.getSpec().hasRawOutputDataConfig() && nightly.hasClosure());

    LaunchPlan byDefault = plan("every");
    Map<String, Parameter> d = byDefault.getSpec().getDefaultInputs().getParametersMap();
    assertTrue(d.get("y").getRequired());
    assertTrue(d.get("xs").getRequired());
    assertFalse(d.get("note").getRequired());
    assertTrue(d.get("note").getDefault().getScalar().hasNoneType(), "flytekit: an Optional input defaults to none");
    assertEquals(engine.toLiteral(7L, long.class), d.get("x").getDefault());
    assertFalse(byDefault.getSpec().getEntityMetadata().hasSchedule());
    assertTrue(byDefault.getSpec().hasEntityMetadata());
  }

  private static String key(Identifier id) {
    return id.getResourceType() + ":" + id.getName();
  }

  private void assertInterface(List<Variable> inputs, List<Variable> outputs, TypedInterface actual) {
    assertEquals(variables(inputs), actual.getInputs());
    assertEquals(variables(outputs), actual.getOutputs());
  }

  private VariableMap variables(List<Variable> vars) {
    VariableMap.Builder m = VariableMap.newBuilder();
    for (Variable v : vars) {
      m.putVariables(v.name(), flyteidl.core.Interface.Variable.newBuilder().setType(engine.literalTypeOf(v.type()))
          .setDescription(v.name()).build());
    }
    return m.build();
  }

  private static BindingData promise(String node, String var) {
    return BindingData.newBuilder().setPromise(flyteidl.core.Types.OutputReference.newBuilder().setNodeId(node)
        .setVar(var)).build();
  }

  private static Node node(WorkflowTemplate wf, String id) {
    List<String> ids = new ArrayList<>();
    for (Node n : wf.getNodesList()) {
      if (n.getId().equals(id)) {
        return n;
      }
      ids.add(n.getId());
    }
    throw new AssertionError("no node [" + id + "] among " + ids);
  }

  private TaskTemplate task(String name) {
    CompiledSpec s = compiled.find(Kind.TASK, name);
    assertNotNull(s, name);
    return ((TaskSpec) s.message()).getTemplate();
  }

  private WorkflowSpec workflow(String name) {
    CompiledSpec s = compiled.find(Kind.WORKFLOW, name);
    assertNotNull(s, name);
    return (WorkflowSpec) s.message();
  }

  private LaunchPlan plan(String name) {
    CompiledSpec s = compiled.find(Kind.LAUNCH_PLAN, name);
    assertNotNull(s, name);
    return (LaunchPlan) s.message();
  }
}
