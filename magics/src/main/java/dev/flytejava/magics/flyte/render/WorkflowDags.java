package dev.flytejava.magics.flyte.render;

import dev.flytejava.magics.flyte.parse.WorkflowIr;
import dev.flytejava.magics.flyte.parse.WorkflowIr.Operand;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Draws a workflow's IR: its inputs, nodes (calls, map nodes, branches with their arms), outputs and edges. */
public final class WorkflowDags {
    private WorkflowDags() {}

    /** What the picture knows about a callee: its kind and its input names (for edge labels). */
    public interface Callees {
        Dag.Kind kind(String callee);

        List<String> inputNames(String callee);
    }

    public static Dag of(String title, WorkflowIr ir, List<String> outputNames, Optional<String> setup,
                         Optional<String> teardown, Callees callees) {
        Dag.Builder dag = new Dag.Builder(title);
        for (var p : ir.signature().parameters()) dag.node(inputId(p.name()), Dag.Kind.INPUT, p.name() + ": " + p.type());
        List<String> bodyIds = new ArrayList<>();
        for (WorkflowIr.Node node : ir.nodes()) {
            bodyIds.add(node.id());
            if (node instanceof WorkflowIr.CallNode call) {
                dag.node(call.id(), callees.kind(call.callee()), call.callee(), call.id() + " = " + callText(call));
                edges(dag, call.id(), call.args(), callees.inputNames(call.callee()));
            } else if (node instanceof WorkflowIr.MapNode map) {
                dag.node(map.id(), Dag.Kind.MAP, "map " + map.callee(), map.id() + " = map(" + map.callee() + ", "
                        + operandText(map.list()) + ")");
                edge(dag, map.list(), map.id(), "");
            } else if (node instanceof WorkflowIr.BranchNode branch) {
                List<String> lines = new ArrayList<>();
                lines.add("branch " + branch.id());
                String keyword = "if ";
                for (WorkflowIr.Case c : branch.cases()) {
                    lines.add(keyword + conditionText(c.condition()) + ": " + armText(c.arm()));
                    keyword = "else if ";
                    conditionEdges(dag, branch.id(), c.condition());
                    armEdges(dag, branch.id(), c.arm(), callees);
                }
                branch.otherwise().ifPresent(arm -> {
                    lines.add("else: " + armText(arm));
                    armEdges(dag, branch.id(), arm, callees);
                });
                dag.node(branch.id(), Dag.Kind.BRANCH, lines.toArray(String[]::new));
            }
        }
        if (ir.output() instanceof WorkflowIr.SingleOutput single) {
            String name = outputNames.isEmpty() ? "o0" : outputNames.get(0);
            dag.node(outputId(name), Dag.Kind.OUTPUT, name);
            edge(dag, single.value(), outputId(name), "");
        } else if (ir.output() instanceof WorkflowIr.RecordOutput record) {
            for (int i = 0; i < record.values().size(); i++) {
                String name = i < outputNames.size() ? outputNames.get(i) : "o" + i;
                dag.node(outputId(name), Dag.Kind.OUTPUT, name);
                edge(dag, record.values().get(i), outputId(name), "");
            }
        }
        setup.ifPresent(s -> {
            dag.node("setup-" + s, Dag.Kind.SETUP, "setup", s);
            for (String id : bodyIds) dag.edge("setup-" + s, id, "");
        });
        teardown.ifPresent(t -> {
            dag.node("teardown-" + t, Dag.Kind.TEARDOWN, "teardown", t);
            for (String id : bodyIds) dag.edge(id, "teardown-" + t, "");
        });
        return dag.build();
    }

    public static String inputId(String name) {
        return "in:" + name;
    }

    public static String outputId(String name) {
        return "out:" + name;
    }

    private static void edges(Dag.Builder dag, String to, List<Operand> args, List<String> names) {
        for (int i = 0; i < args.size(); i++) edge(dag, args.get(i), to, i < names.size() ? names.get(i) : "");
    }

    private static void edge(Dag.Builder dag, Operand from, String to, String label) {
        if (from instanceof WorkflowIr.InputRef in) dag.edge(inputId(in.name()), to, label);
        if (from instanceof WorkflowIr.NodeOutput out) dag.edge(out.nodeId(), to, out.field().map(f -> f + (label.isEmpty() ? "" : " → " + label)).orElse(label));
    }

    private static void conditionEdges(Dag.Builder dag, String to, WorkflowIr.Condition c) {
        if (c instanceof WorkflowIr.Comparison cmp) {
            edge(dag, cmp.left(), to, "");
            edge(dag, cmp.right(), to, "");
        } else if (c instanceof WorkflowIr.Junction j) {
            conditionEdges(dag, to, j.left());
            conditionEdges(dag, to, j.right());
        }
    }

    private static void armEdges(Dag.Builder dag, String to, WorkflowIr.Arm arm, Callees callees) {
        if (arm instanceof WorkflowIr.CallArm call) edges(dag, to, call.call().args(), List.of());
        if (arm instanceof WorkflowIr.ValueArm value) edge(dag, value.value(), to, "");
    }

    static String callText(WorkflowIr.CallNode call) {
        return call.callee() + "(" + call.args().stream().map(WorkflowDags::operandText).collect(Collectors.joining(", ")) + ")";
    }

    static String armText(WorkflowIr.Arm arm) {
        if (arm instanceof WorkflowIr.CallArm call) return callText(call.call());
        return operandText(((WorkflowIr.ValueArm) arm).value());
    }

    public static String operandText(Operand o) {
        if (o instanceof WorkflowIr.InputRef in) return in.name();
        if (o instanceof WorkflowIr.NodeOutput out) return out.nodeId() + out.field().map(f -> "." + f + "()").orElse("");
        return ((WorkflowIr.Literal) o).source();
    }

    public static String conditionText(WorkflowIr.Condition c) {
        if (c instanceof WorkflowIr.Comparison cmp) {
            return operandText(cmp.left()) + " " + cmp.comparator().symbol + " " + operandText(cmp.right());
        }
        WorkflowIr.Junction j = (WorkflowIr.Junction) c;
        return "(" + conditionText(j.left()) + (j.and() ? " && " : " || ") + conditionText(j.right()) + ")";
    }
}
