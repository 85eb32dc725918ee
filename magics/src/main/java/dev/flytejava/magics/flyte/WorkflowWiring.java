package dev.flytejava.magics.flyte;

import dev.flytejava.magics.flyte.Entity.DeclaredLaunchPlan;
import dev.flytejava.magics.flyte.Entity.DeclaredTask;
import dev.flytejava.magics.flyte.Entity.DeclaredWorkflow;
import dev.flytejava.magics.flyte.options.WorkflowOptions;
import dev.flytejava.magics.flyte.parse.CellPosition;
import dev.flytejava.magics.flyte.parse.CellSyntaxException;
import dev.flytejava.magics.flyte.parse.WorkflowIr;
import dev.flytejava.runtime.api.WorkflowBuilder;
import dev.flytejava.runtime.model.Binding;
import dev.flytejava.runtime.model.BranchNode;
import dev.flytejava.runtime.model.BuiltinTasks;
import dev.flytejava.runtime.model.Condition;
import dev.flytejava.runtime.model.LaunchPlanNode;
import dev.flytejava.runtime.model.MapNode;
import dev.flytejava.runtime.model.Node;
import dev.flytejava.runtime.model.SubworkflowNode;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.TaskDecorator;
import dev.flytejava.runtime.model.TaskNode;
import dev.flytejava.runtime.model.TypedInterface;
import dev.flytejava.runtime.model.Variable;
import dev.flytejava.runtime.model.Workflow;
import dev.flytejava.runtime.types.TypeEngine;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates a workflow's IR into the runtime's {@link WorkflowBuilder}: callees are looked up among the
 * session's entities, positional arguments become bindings of the callee's inputs, branches and map
 * nodes become the runtime's nodes. Structural problems (unknown callee, wrong argument count, unknown
 * output) point at the cell line; type errors come from the builder, all at once.
 */
final class WorkflowWiring {
    private final TypeEngine engine;
    private final EntityLookup entities;
    private final String name;
    private final Map<String, Type> inputTypes = new LinkedHashMap<>();
    private final Map<String, List<Variable>> nodeOutputs = new HashMap<>();

    WorkflowWiring(TypeEngine engine, EntityLookup entities, String name) {
        this.engine = engine;
        this.entities = entities;
        this.name = name;
    }

    Workflow wire(WorkflowIr ir, List<Type> parameterTypes, Type returnType, WorkflowOptions options,
                  List<TaskDecorator> decorators) {
        WorkflowBuilder wf = WorkflowBuilder.create(name, engine);
        for (int i = 0; i < parameterTypes.size(); i++) {
            String input = ir.signature().parameters().get(i).name();
            wf.input(input, parameterTypes.get(i));
            inputTypes.put(input, parameterTypes.get(i));
        }
        for (WorkflowIr.Node node : ir.nodes()) {
            Node wired = node(node);
            nodeOutputs.put(wired.id(), wired.outputs());
            wf.add(wired);
        }
        options.setup().ifPresent(t -> wf.setup("setup-" + t, standalone(t, "--setup"), Map.of()));
        options.teardown().ifPresent(t -> wf.teardown("teardown-" + t, standalone(t, "--teardown"), Map.of()));
        wf.decorators(decorators);
        outputs(wf, ir, returnType);
        return wf.build();
    }

    private Node node(WorkflowIr.Node node) {
        if (node instanceof WorkflowIr.CallNode call) return call(call.id(), call);
        if (node instanceof WorkflowIr.MapNode map) {
            Task task = task(map.callee(), map.position(), "map(...)");
            if (task.iface().inputs().size() != 1) {
                throw new CellSyntaxException(map.position(), "map(" + map.callee() + ", list) needs a task with one input; ["
                        + map.callee() + "] has " + task.iface().inputNames());
            }
            Variable in = task.iface().inputs().get(0);
            Binding list = binding(map.list(), dev.flytejava.runtime.types.JavaTypes.listOf(in.type()), map.position());
            return new MapNode(map.id(), task, Map.of(in.name(), list), Set.of(), map.concurrency(), map.minSuccessRatio(), List.of());
        }
        WorkflowIr.BranchNode branch = (WorkflowIr.BranchNode) node;
        Type literalType = literalArmType(branch);
        List<BranchNode.Case> cases = new ArrayList<>();
        int i = 1;
        for (WorkflowIr.Case c : branch.cases()) {
            cases.add(new BranchNode.Case(condition(c.condition(), branch.position()),
                    arm(c.arm(), branch.id() + "_case" + i++, literalType)));
        }
        Node otherwise = branch.otherwise().map(a -> arm(a, branch.id() + "_else", literalType)).orElse(null);
        if (otherwise == null && !branch.producesValue()) {
            otherwise = new TaskNode(branch.id() + "_else", BuiltinTasks.nothing(), Map.of(), List.of());
        }
        return new BranchNode(branch.id(), cases, otherwise, null, List.of());
    }

    /** The type a literal arm ({@code else { return 0; }}) takes: the single output of the first call arm. */
    private Type literalArmType(WorkflowIr.BranchNode branch) {
        List<WorkflowIr.Arm> arms = new ArrayList<>();
        branch.cases().forEach(c -> arms.add(c.arm()));
        branch.otherwise().ifPresent(arms::add);
        for (WorkflowIr.Arm arm : arms) {
            if (arm instanceof WorkflowIr.CallArm call) {
                List<Variable> outputs = entities.find(call.call().callee()).map(e -> e.iface().outputs()).orElse(List.of());
                if (outputs.size() == 1) return outputs.get(0).type();
            }
        }
        return null;
    }

    private Node arm(WorkflowIr.Arm arm, String id, Type literalType) {
        if (arm instanceof WorkflowIr.CallArm call) return call(call.call().id(), call.call());
        WorkflowIr.ValueArm value = (WorkflowIr.ValueArm) arm;
        Type type = value.value() instanceof WorkflowIr.Literal && literalType != null ? literalType
                : typeOf(value.value(), value.position());
        return new TaskNode(id, BuiltinTasks.identity(type), Map.of(BuiltinTasks.IDENTITY_INPUT, binding(value.value(), type,
                value.position())), List.of());
    }

    private Node call(String id, WorkflowIr.CallNode call) {
        Entity callee = entities.find(call.callee()).orElseThrow(() -> new CellSyntaxException(call.position(),
                entities.unknown(call.callee(), "called in workflow [" + name + "]").getMessage()));
        List<Variable> inputs = callee.iface().inputs();
        if (inputs.size() != call.args().size()) {
            throw new CellSyntaxException(call.position(), callee.kind() + " [" + callee.name() + "] takes " + inputs.size()
                    + (inputs.size() == 1 ? " input " : " inputs ") + names(inputs) + " but the call passes " + call.args().size());
        }
        Map<String, Binding> bindings = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            bindings.put(inputs.get(i).name(), binding(call.args().get(i), inputs.get(i).type(), call.position()));
        }
        Task calleeTask = Entity.taskOf(callee);
        if (calleeTask != null) return new TaskNode(id, calleeTask, bindings, List.of());
        if (callee instanceof DeclaredWorkflow w) return new SubworkflowNode(id, w.workflow(), bindings, List.of());
        return new LaunchPlanNode(id, ((DeclaredLaunchPlan) callee).plan(), bindings, List.of());
    }

    private Task task(String callee, CellPosition at, String what) {
        Entity e = entities.find(callee).orElseThrow(() -> new CellSyntaxException(at,
                entities.unknown(callee, "in " + what + " of workflow [" + name + "]").getMessage()));
        Task t = Entity.taskOf(e);
        if (t == null) {
            throw new CellSyntaxException(at, "[" + callee + "] is a " + e.kind() + "; " + what + " needs a task");
        }
        return t;
    }

    private Task standalone(String taskName, String option) {
        Entity e = entities.find(taskName).orElseThrow(() -> entities.unknown(taskName, "in " + option + " of workflow [" + name + "]"));
        Task t = Entity.taskOf(e);
        if (t == null || !t.iface().inputs().isEmpty()) {
            throw new IllegalArgumentException(option + ": [" + taskName + "] must be a task without inputs");
        }
        return t;
    }

    private Binding binding(WorkflowIr.Operand operand, Type target, CellPosition at) {
        if (operand instanceof WorkflowIr.InputRef in) return Binding.input(in.name());
        if (operand instanceof WorkflowIr.Literal lit) return Binding.literal(InputValues.coerce(lit.value(), target));
        WorkflowIr.NodeOutput out = (WorkflowIr.NodeOutput) operand;
        return Binding.output(out.nodeId(), outputName(out, at));
    }

    /** The output an operand names: its field, or the node's only output. */
    private String outputName(WorkflowIr.NodeOutput out, CellPosition at) {
        List<Variable> outputs = nodeOutputs.get(out.nodeId());
        if (outputs == null) throw new CellSyntaxException(at, "[" + out.nodeId() + "] is not a node of workflow [" + name + "]");
        if (out.field().isPresent()) {
            String field = out.field().get();
            if (outputs.stream().noneMatch(v -> v.name().equals(field))) {
                throw new CellSyntaxException(at, "node [" + out.nodeId() + "] has no output [" + field + "]; its outputs are "
                        + names(outputs));
            }
            return field;
        }
        if (outputs.size() != 1) {
            throw new CellSyntaxException(at, "node [" + out.nodeId() + "] has " + (outputs.isEmpty() ? "no outputs"
                    : "outputs " + names(outputs) + "; pick one as " + out.nodeId() + "." + outputs.get(0).name() + "()"));
        }
        return outputs.get(0).name();
    }

    private Type typeOf(WorkflowIr.Operand operand, CellPosition at) {
        if (operand instanceof WorkflowIr.InputRef in) return inputTypes.get(in.name());
        if (operand instanceof WorkflowIr.NodeOutput out) {
            String output = outputName(out, at);
            return nodeOutputs.get(out.nodeId()).stream().filter(v -> v.name().equals(output)).findFirst().orElseThrow().type();
        }
        Object v = ((WorkflowIr.Literal) operand).value();
        if (v instanceof List || v instanceof Map) {
            throw new CellSyntaxException(at, "a branch arm cannot return a List.of/Map.of literal; return a node's output");
        }
        return v.getClass();
    }

    private Condition condition(WorkflowIr.Condition c, CellPosition at) {
        if (c instanceof WorkflowIr.Junction j) {
            Condition left = condition(j.left(), at);
            Condition right = condition(j.right(), at);
            return j.and() ? left.and(right) : left.or(right);
        }
        WorkflowIr.Comparison cmp = (WorkflowIr.Comparison) c;
        Condition.Op op = Condition.Op.valueOf(cmp.comparator().name());
        return Condition.compare(operandBinding(cmp.left(), at), op, operandBinding(cmp.right(), at));
    }

    private Binding operandBinding(WorkflowIr.Operand operand, CellPosition at) {
        if (operand instanceof WorkflowIr.Literal lit) return Binding.literal(lit.value());
        return binding(operand, Object.class, at);
    }

    private void outputs(WorkflowBuilder wf, WorkflowIr ir, Type returnType) {
        Class<? extends Record> record = TypedInterface.outputRecordOf(returnType);
        if (ir.output() instanceof WorkflowIr.RecordOutput r) {
            if (record == null) {
                throw new CellSyntaxException(r.position(), "`return new " + r.recordType() + "(...)` needs the workflow to return an "
                        + "@Outputs record, but it returns " + returnType.getTypeName());
            }
            RecordComponent[] components = record.getRecordComponents();
            if (components.length != r.values().size()) {
                throw new CellSyntaxException(r.position(), "record [" + record.getSimpleName() + "] has " + components.length
                        + " components but " + r.values().size() + " values are given");
            }
            for (int i = 0; i < components.length; i++) {
                wf.output(components[i].getName(), components[i].getGenericType(),
                        binding(r.values().get(i), components[i].getGenericType(), r.position()));
            }
            wf.outputRecord(record);
        } else if (ir.output() instanceof WorkflowIr.SingleOutput single) {
            CellPosition at = ir.signature().position();
            if (record != null && single.value() instanceof WorkflowIr.NodeOutput out && out.field().isEmpty()) {
                for (RecordComponent c : record.getRecordComponents()) {
                    wf.output(c.getName(), c.getGenericType(), Binding.output(out.nodeId(), c.getName()));
                }
                wf.outputRecord(record);
            } else {
                wf.output(TypedInterface.SINGLE_OUTPUT, returnType, binding(single.value(), returnType, at));
            }
        }
    }

    private static String names(List<Variable> vars) {
        return vars.stream().map(Variable::name).toList().toString();
    }
}
