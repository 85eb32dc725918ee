package dev.flytejava.magics.flyte.parse;

import java.util.List;
import java.util.Optional;

/**
 * What a {@code %%workflow} body declares, read but not run: the method's signature (its parameters
 * are the workflow inputs), the nodes in source order, and what the workflow returns. Callees are
 * names only; whether a name is a task, a workflow or a launch plan is decided when the IR is wired.
 */
public record WorkflowIr(MethodSignature signature, List<Node> nodes, Return output) {

    public WorkflowIr {
        nodes = List.copyOf(nodes);
    }

    /** A value a node input or a workflow output is bound to. */
    public sealed interface Operand permits InputRef, NodeOutput, Literal {}

    /** A workflow input, by parameter name. */
    public record InputRef(String name) implements Operand {}

    /** An upstream node's output: {@code field} is an {@code @Outputs} component, or empty for its only output. */
    public record NodeOutput(String nodeId, Optional<String> field) implements Operand {}

    /** A constant: Long, Double, String, Boolean, or a List/Map of those; {@code source} as written. */
    public record Literal(Object value, String source) implements Operand {}

    /** A node of the workflow graph. */
    public sealed interface Node permits CallNode, MapNode, BranchNode {
        String id();

        CellPosition position();
    }

    /** A call of a task, subworkflow or launch plan with positional arguments. */
    public record CallNode(String id, String callee, List<Operand> args, CellPosition position) implements Node {
        public CallNode {
            args = List.copyOf(args);
        }
    }

    /** {@code map(task, list)}: the task runs once per element (a Flyte array node). */
    /**
     * {@code map(task, list)}, or with flytekit's map options {@code map(task, list, concurrency)} and
     * {@code map(task, list, concurrency, minSuccessRatio)}: at most {@code concurrency} elements at once (0: no limit of
     * its own), and the node succeeds when that share of its elements does (failed ones are then empty Optionals).
     */
    public record MapNode(String id, String callee, Operand list, int concurrency, double minSuccessRatio, CellPosition position)
            implements Node {
        public MapNode(String id, String callee, Operand list, CellPosition position) {
            this(id, callee, list, 0, 1.0, position);
        }
    }

    /**
     * An {@code if / else if / else}: the first case whose condition holds runs its arm. Every arm of a
     * value-producing branch yields a value; {@code otherwise} is empty when there is no {@code else}.
     */
    public record BranchNode(String id, List<Case> cases, Optional<Arm> otherwise, boolean producesValue,
                             CellPosition position) implements Node {
        public BranchNode {
            cases = List.copyOf(cases);
        }
    }

    public record Case(Condition condition, Arm arm) {}

    /** What an arm does: call something (whose result is the branch's value), or yield a value directly. */
    public sealed interface Arm permits CallArm, ValueArm {}

    public record CallArm(CallNode call) implements Arm {}

    public record ValueArm(Operand value, CellPosition position) implements Arm {}

    /** A branch condition: comparisons joined by && and ||. */
    public sealed interface Condition permits Comparison, Junction {}

    public enum Comparator {
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        public final String symbol;

        Comparator(String symbol) {
            this.symbol = symbol;
        }
    }

    public record Comparison(Comparator comparator, Operand left, Operand right) implements Condition {}

    public record Junction(boolean and, Condition left, Condition right) implements Condition {}

    /** What the workflow returns. */
    public sealed interface Return permits NoOutput, SingleOutput, RecordOutput {}

    public record NoOutput() implements Return {}

    public record SingleOutput(Operand value) implements Return {}

    /** {@code return new SomeOutputs(a, b)}: one workflow output per record component, in order. */
    public record RecordOutput(String recordType, List<Operand> values, CellPosition position) implements Return {
        public RecordOutput {
            values = List.copyOf(values);
        }
    }
}
