package dev.flytejava.magics.flyte.parse;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import dev.flytejava.magics.flyte.parse.WorkflowIr.Arm;
import dev.flytejava.magics.flyte.parse.WorkflowIr.BranchNode;
import dev.flytejava.magics.flyte.parse.WorkflowIr.CallArm;
import dev.flytejava.magics.flyte.parse.WorkflowIr.CallNode;
import dev.flytejava.magics.flyte.parse.WorkflowIr.Case;
import dev.flytejava.magics.flyte.parse.WorkflowIr.Comparator;
import dev.flytejava.magics.flyte.parse.WorkflowIr.Comparison;
import dev.flytejava.magics.flyte.parse.WorkflowIr.Condition;
import dev.flytejava.magics.flyte.parse.WorkflowIr.InputRef;
import dev.flytejava.magics.flyte.parse.WorkflowIr.Junction;
import dev.flytejava.magics.flyte.parse.WorkflowIr.Literal;
import dev.flytejava.magics.flyte.parse.WorkflowIr.MapNode;
import dev.flytejava.magics.flyte.parse.WorkflowIr.NodeOutput;
import dev.flytejava.magics.flyte.parse.WorkflowIr.Operand;
import dev.flytejava.magics.flyte.parse.WorkflowIr.ValueArm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a {@code %%workflow} body as a small DSL, without running it. Allowed statements:
 * <ul>
 *   <li>{@code T a = task(args);} a node (task, subworkflow or launch plan); {@code T a = r.field();} an alias</li>
 *   <li>{@code List<T> ys = map(task, xs);} a map node</li>
 *   <li>{@code task(args);} a node whose outputs are not used (a sensor, a side effect)</li>
 *   <li>{@code if (cond) { ... } else if (cond) { ... } else { ... }} a branch node: every arm holds one
 *       statement, {@code return task(args);}, {@code return value;}, {@code c = task(args);} (after
 *       {@code T c;}) or {@code task(args);}</li>
 *   <li>{@code return value;}, {@code return task(args);} or {@code return new SomeOutputs(a, b);}</li>
 * </ul>
 * Arguments are workflow inputs, earlier locals, {@code r.field()} of an {@code @Outputs} result, or
 * literals (numbers, strings, booleans, {@code List.of}/{@code Map.of} of literals). Conditions compare
 * those with {@code == != < <= > >=}, joined by {@code &&} and {@code ||}.
 */
public final class WorkflowCellParser {
    static final String ALLOWED_METHOD = "one method such as `long pipeline(long x) { long a = addOne(x); return a; }`";
    static final String ALLOWED_STATEMENTS = "a workflow body allows `T a = task(args);`, `T ys = map(task, xs);`, "
            + "`task(args);`, `T c;` then an if/else whose arms assign c, "
            + "`if (cond) { return task(args); } else { return value; }`, `return value;`, `return task(args);` "
            + "and `return new SomeOutputs(a, b);`";
    static final String ALLOWED_OPERANDS = "an argument is a workflow input, an earlier local, `r.field()` of an @Outputs "
            + "result, or a literal (number, string, boolean, List.of/Map.of of literals)";
    static final String ALLOWED_CONDITIONS = "a condition compares inputs, outputs and literals with == != < <= > >=, "
            + "joined by && and ||";
    static final String ALLOWED_ARMS = "a branch arm holds one statement: `return task(args);`, `return value;`, "
            + "`c = task(args);` or `task(args);`";

    private final ParsedCell cell;
    private final Set<String> inputs = new LinkedHashSet<>();
    private final Map<String, Operand> locals = new LinkedHashMap<>();
    private final Set<String> declaredUnassigned = new LinkedHashSet<>();
    private final Set<String> ids = new LinkedHashSet<>();
    private final List<WorkflowIr.Node> nodes = new ArrayList<>();
    private WorkflowIr.Return output;

    private WorkflowCellParser(ParsedCell cell) {
        this.cell = cell;
    }

    /** Positions relative to the body (line 1 is the body's first line). */
    public static WorkflowIr parse(String body) {
        return parse(body, 1);
    }

    /** {@code firstLine}: the cell line the body starts on (2 under a {@code %%workflow} line). */
    public static WorkflowIr parse(String body, int firstLine) {
        ParsedCell cell = ParsedCell.parse(body, firstLine);
        return new WorkflowCellParser(cell).read(cell.singleMethod("%%workflow", ALLOWED_METHOD));
    }

    private WorkflowIr read(MethodTree method) {
        MethodSignature signature = cell.signature(method);
        inputs.addAll(signature.parameterNames());
        ids.addAll(inputs);
        List<? extends StatementTree> statements = method.getBody().getStatements();
        for (StatementTree statement : statements) {
            if (output != null) {
                throw error(statement, "statement after the workflow's return; " + ALLOWED_STATEMENTS);
            }
            statement(statement);
        }
        if (output == null) {
            if (!signature.returnsVoid()) {
                throw new CellSyntaxException(cell.positionOf(method), "workflow [" + signature.name()
                        + "] returns " + signature.returnType() + " but its body has no return statement");
            }
            output = new WorkflowIr.NoOutput();
        }
        return new WorkflowIr(signature, nodes, output);
    }

    private void statement(StatementTree statement) {
        if (statement instanceof VariableTree v) {
            String name = v.getName().toString();
            declare(v, name);
            if (v.getInitializer() == null) {
                declaredUnassigned.add(name);
            } else {
                bindLocal(name, v.getInitializer());
            }
        } else if (statement instanceof ExpressionStatementTree e && e.getExpression() instanceof AssignmentTree a
                && a.getVariable() instanceof IdentifierTree target
                && declaredUnassigned.remove(target.getName().toString())) {
            bindLocal(target.getName().toString(), a.getExpression());
        } else if (statement instanceof ExpressionStatementTree e && isCall(e.getExpression())) {
            nodes.add(callOrMap(freshId(calleeName(e.getExpression())), (MethodInvocationTree) e.getExpression()));
        } else if (statement instanceof IfTree branch) {
            branch(branch);
        } else if (statement instanceof ReturnTree r) {
            output = returned(r);
        } else {
            throw error(statement, "unsupported statement [" + firstLine(statement) + "]; " + ALLOWED_STATEMENTS);
        }
    }

    private void declare(Tree where, String name) {
        if (inputs.contains(name) || locals.containsKey(name) || declaredUnassigned.contains(name)) {
            throw error(where, "[" + name + "] is already declared");
        }
    }

    private void bindLocal(String name, ExpressionTree init) {
        if (isCall(init)) {
            String id = claimId(name, init);
            nodes.add(callOrMap(id, (MethodInvocationTree) init));
            locals.put(name, new NodeOutput(id, Optional.empty()));
        } else {
            locals.put(name, operand(init));
        }
    }

    private WorkflowIr.Return returned(ReturnTree r) {
        ExpressionTree value = r.getExpression();
        if (value == null) return new WorkflowIr.NoOutput();
        if (value instanceof NewClassTree record) {
            if (record.getClassBody() != null || record.getEnclosingExpression() != null) {
                throw error(record, "return a record of outputs as `new SomeOutputs(a, b)`");
            }
            List<Operand> values = new ArrayList<>();
            for (ExpressionTree arg : record.getArguments()) values.add(operand(arg));
            return new WorkflowIr.RecordOutput(cell.text(record.getIdentifier()), values, cell.positionOf(record));
        }
        if (isCall(value)) {
            String id = freshId(calleeName(value));
            nodes.add(callOrMap(id, (MethodInvocationTree) value));
            return new WorkflowIr.SingleOutput(new NodeOutput(id, Optional.empty()));
        }
        return new WorkflowIr.SingleOutput(operand(value));
    }

    // ---- branches

    private enum ArmKind { RETURN, ASSIGN, EFFECT }

    private void branch(IfTree first) {
        List<IfTree> chain = new ArrayList<>();
        StatementTree elseStatement = first;
        while (elseStatement instanceof IfTree next) {
            chain.add(next);
            elseStatement = next.getElseStatement();
        }
        ArmKind kind = null;
        String target = null;
        StatementTree kindSetBy = null;
        List<StatementTree> armStatements = new ArrayList<>();
        for (IfTree t : chain) armStatements.add(single(t.getThenStatement()));
        if (elseStatement != null) armStatements.add(single(elseStatement));
        for (StatementTree s : armStatements) {
            ArmKind k = armKind(s);
            String t = k == ArmKind.ASSIGN ? assignedName(s) : null;
            if (kind == null) {
                kind = k;
                target = t;
                kindSetBy = s;
            } else if (k != kind || (t != null && !t.equals(target))) {
                throw error(s, "every arm of a branch must do the same: the arm at " + cell.positionOf(kindSetBy)
                        + " is [" + firstLine(kindSetBy) + "], this one is [" + firstLine(s) + "]");
            }
        }
        if (kind != ArmKind.EFFECT && elseStatement == null) {
            throw error(first, "a branch that yields a value needs a final `else` arm");
        }
        String branchId;
        if (kind == ArmKind.ASSIGN) {
            if (!declaredUnassigned.remove(target)) {
                throw error(armStatements.get(0), "[" + target + "] must be declared before the branch without a value, "
                        + "e.g. `long " + target + ";`, and assigned only there");
            }
            branchId = target;
            if (!ids.add(branchId)) throw error(first, "[" + branchId + "] is already a node name");
        } else {
            branchId = freshId("branch");
        }
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            Condition condition = condition(chain.get(i).getCondition());
            cases.add(new Case(condition, arm(armStatements.get(i), branchId + "_case" + (i + 1))));
        }
        Optional<Arm> otherwise = elseStatement == null ? Optional.empty()
                : Optional.of(arm(armStatements.get(armStatements.size() - 1), branchId + "_else"));
        nodes.add(new BranchNode(branchId, cases, otherwise, kind != ArmKind.EFFECT, cell.positionOf(first)));
        NodeOutput value = new NodeOutput(branchId, Optional.empty());
        if (kind == ArmKind.ASSIGN) locals.put(target, value);
        if (kind == ArmKind.RETURN) output = new WorkflowIr.SingleOutput(value);
    }

    private StatementTree single(StatementTree arm) {
        if (arm instanceof BlockTree block) {
            if (block.getStatements().size() != 1) {
                throw error(arm, ALLOWED_ARMS + "; this arm has " + block.getStatements().size() + " statements");
            }
            return block.getStatements().get(0);
        }
        return arm;
    }

    private ArmKind armKind(StatementTree s) {
        if (s instanceof ReturnTree r && r.getExpression() != null) return ArmKind.RETURN;
        if (s instanceof ExpressionStatementTree e) {
            if (e.getExpression() instanceof AssignmentTree a && a.getVariable() instanceof IdentifierTree) return ArmKind.ASSIGN;
            if (isCall(e.getExpression())) return ArmKind.EFFECT;
        }
        throw error(s, "unsupported statement [" + firstLine(s) + "] in a branch; " + ALLOWED_ARMS);
    }

    private static String assignedName(StatementTree s) {
        AssignmentTree a = (AssignmentTree) ((ExpressionStatementTree) s).getExpression();
        return ((IdentifierTree) a.getVariable()).getName().toString();
    }

    private Arm arm(StatementTree s, String id) {
        ExpressionTree value;
        if (s instanceof ReturnTree r) {
            value = r.getExpression();
        } else if (s instanceof ExpressionStatementTree e && e.getExpression() instanceof AssignmentTree a) {
            value = a.getExpression();
        } else {
            value = ((ExpressionStatementTree) s).getExpression();
        }
        if (isCall(value)) {
            if ("map".equals(calleeName(value))) throw error(value, "a map node cannot be a branch arm; map first, then branch");
            if (!ids.add(id)) throw error(value, "[" + id + "] is already a node name");
            return new CallArm((CallNode) callOrMap(id, (MethodInvocationTree) value));
        }
        return new ValueArm(operand(value), cell.positionOf(value));
    }

    private Condition condition(ExpressionTree tree) {
        if (tree instanceof ParenthesizedTree p) return condition(p.getExpression());
        if (tree instanceof BinaryTree b) {
            switch (b.getKind()) {
                case CONDITIONAL_AND, CONDITIONAL_OR -> {
                    return new Junction(b.getKind() == Tree.Kind.CONDITIONAL_AND, condition(b.getLeftOperand()),
                            condition(b.getRightOperand()));
                }
                default -> {
                    Comparator comparator = comparator(b.getKind());
                    if (comparator != null) {
                        return new Comparison(comparator, operand(b.getLeftOperand()), operand(b.getRightOperand()));
                    }
                }
            }
        }
        if (tree instanceof UnaryTree u && u.getKind() == Tree.Kind.LOGICAL_COMPLEMENT
                && (u.getExpression() instanceof IdentifierTree || isField(u.getExpression()))) {
            return new Comparison(Comparator.EQ, operand(u.getExpression()), new Literal(false, "false"));
        }
        if (tree instanceof IdentifierTree || isField(tree)) {
            return new Comparison(Comparator.EQ, operand(tree), new Literal(true, "true"));
        }
        throw error(tree, "unsupported condition [" + cell.text(tree) + "]; " + ALLOWED_CONDITIONS);
    }

    private static Comparator comparator(Tree.Kind kind) {
        return switch (kind) {
            case EQUAL_TO -> Comparator.EQ;
            case NOT_EQUAL_TO -> Comparator.NE;
            case LESS_THAN -> Comparator.LT;
            case LESS_THAN_EQUAL -> Comparator.LE;
            case GREATER_THAN -> Comparator.GT;
            case GREATER_THAN_EQUAL -> Comparator.GE;
            default -> null;
        };
    }

    // ---- calls and operands

    /** A call of a named thing: {@code name(args)} (not {@code a.b(...)}). */
    private static boolean isCall(ExpressionTree tree) {
        return tree instanceof MethodInvocationTree m && m.getMethodSelect() instanceof IdentifierTree;
    }

    private static String calleeName(ExpressionTree call) {
        return ((IdentifierTree) ((MethodInvocationTree) call).getMethodSelect()).getName().toString();
    }

    private WorkflowIr.Node callOrMap(String id, MethodInvocationTree call) {
        String callee = calleeName(call);
        if (!call.getTypeArguments().isEmpty()) throw error(call, "type arguments on a call are not allowed");
        if (callee.equals("map")) {
            List<? extends ExpressionTree> args = call.getArguments();
            if (args.size() < 2 || args.size() > 4 || !(args.get(0) instanceof IdentifierTree task)) {
                throw error(call, MAP_FORM);
            }
            String taskName = task.getName().toString();
            if (inputs.contains(taskName) || locals.containsKey(taskName)) {
                throw error(task, "[" + taskName + "] is a value here; the first argument of map(...) names a task");
            }
            int concurrency = args.size() > 2 ? mapOption(args.get(2), "concurrency", true).intValue() : 0;
            double ratio = args.size() > 3 ? mapOption(args.get(3), "minSuccessRatio", false).doubleValue() : 1.0;
            if (concurrency < 0) throw error(args.get(2), "the concurrency of a map node is 0 (no limit) or more, not " + concurrency);
            if (!(ratio > 0 && ratio <= 1)) throw error(args.get(3), "the minSuccessRatio of a map node is above 0 and at most 1, not " + ratio);
            return new MapNode(id, taskName, operand(args.get(1)), concurrency, ratio, cell.positionOf(call));
        }
        List<Operand> args = new ArrayList<>();
        for (ExpressionTree arg : call.getArguments()) args.add(operand(arg));
        return new CallNode(id, callee, args, cell.positionOf(call));
    }

    static final String MAP_FORM = "a map node is `map(task, list)`, `map(task, list, concurrency)` or "
            + "`map(task, list, concurrency, minSuccessRatio)`: a task's name as a bare identifier, a list, then an int and a double";

    /** A map option: a number literal (an int for concurrency). */
    private Number mapOption(ExpressionTree tree, String what, boolean integer) {
        Object v = tree instanceof LiteralTree lit ? lit.getValue() : null;
        boolean ok = integer ? v instanceof Integer : v instanceof Number;
        if (!ok) throw error(tree, "the " + what + " of a map node is a number literal (" + (integer ? "an int like 4" : "like 0.5")
                + "); " + MAP_FORM);
        return (Number) v;
    }

    private Operand operand(ExpressionTree tree) {
        if (tree instanceof ParenthesizedTree p) return operand(p.getExpression());
        if (tree instanceof IdentifierTree id) {
            String name = id.getName().toString();
            if (inputs.contains(name)) return new InputRef(name);
            if (locals.containsKey(name)) return locals.get(name);
            if (declaredUnassigned.contains(name)) throw error(id, "[" + name + "] is used before it is assigned");
            throw error(id, "unknown name [" + name + "]; " + ALLOWED_OPERANDS + describeNames());
        }
        if (tree instanceof LiteralTree lit) return new Literal(constant(lit), cell.text(lit));
        if (tree instanceof UnaryTree u && u.getKind() == Tree.Kind.UNARY_MINUS && u.getExpression() instanceof LiteralTree lit) {
            Object v = constant(lit);
            if (v instanceof Long l) return new Literal(-l, cell.text(u));
            if (v instanceof Double d) return new Literal(-d, cell.text(u));
            throw error(u, "cannot negate [" + cell.text(lit) + "]");
        }
        if (tree instanceof MethodInvocationTree m) {
            if (isField(m)) {
                MemberSelectTree select = (MemberSelectTree) m.getMethodSelect();
                String local = ((IdentifierTree) select.getExpression()).getName().toString();
                if (!(locals.get(local) instanceof NodeOutput out) || out.field().isPresent()) {
                    throw error(m, "[" + local + "] is not the result of a node, so [" + cell.text(m)
                            + "] is not an output; " + ALLOWED_OPERANDS);
                }
                return new NodeOutput(out.nodeId(), Optional.of(select.getIdentifier().toString()));
            }
            if (isCollectionFactory(m)) return new Literal(collection(m), cell.text(m));
            if (isCall(m)) {
                throw error(m, "nested call [" + cell.text(m) + "]; assign it to a local first, e.g. `var a = "
                        + cell.text(m) + ";`");
            }
        }
        throw error(tree, "unsupported expression [" + cell.text(tree) + "]; " + ALLOWED_OPERANDS);
    }

    /** {@code r.field()}: an accessor call on a local, no arguments. */
    private boolean isField(ExpressionTree tree) {
        return tree instanceof MethodInvocationTree m && m.getArguments().isEmpty()
                && m.getMethodSelect() instanceof MemberSelectTree s && s.getExpression() instanceof IdentifierTree base
                && locals.containsKey(base.getName().toString());
    }

    private static boolean isCollectionFactory(MethodInvocationTree m) {
        if (!(m.getMethodSelect() instanceof MemberSelectTree s) || !s.getIdentifier().contentEquals("of")) return false;
        String owner = s.getExpression().toString();
        return owner.equals("List") || owner.equals("Map") || owner.equals("java.util.List") || owner.equals("java.util.Map");
    }

    private Object collection(MethodInvocationTree m) {
        boolean isMap = ((MemberSelectTree) m.getMethodSelect()).getExpression().toString().endsWith("Map");
        List<Object> values = new ArrayList<>();
        for (ExpressionTree arg : m.getArguments()) {
            Operand o = operand(arg);
            if (!(o instanceof Literal lit)) {
                throw error(arg, "List.of/Map.of in a workflow may hold literals only, found [" + cell.text(arg) + "]");
            }
            values.add(lit.value());
        }
        if (!isMap) return List.copyOf(values);
        if (values.size() % 2 != 0) throw error(m, "Map.of needs key, value pairs");
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i += 2) {
            if (!(values.get(i) instanceof String key)) {
                throw error(m.getArguments().get(i), "Map.of keys must be strings (Flyte maps have string keys)");
            }
            map.put(key, values.get(i + 1));
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    private Object constant(LiteralTree lit) {
        Object v = lit.getValue();
        return switch (lit.getKind()) {
            case INT_LITERAL, LONG_LITERAL -> ((Number) v).longValue();
            case FLOAT_LITERAL, DOUBLE_LITERAL -> ((Number) v).doubleValue();
            case STRING_LITERAL, BOOLEAN_LITERAL -> v;
            case CHAR_LITERAL -> String.valueOf(v);
            default -> throw error(lit, "unsupported literal [" + cell.text(lit) + "]; " + ALLOWED_OPERANDS);
        };
    }

    // ---- names and errors

    private String claimId(String name, Tree where) {
        if (!ids.add(name)) throw error(where, "[" + name + "] is already a node name");
        return name;
    }

    private String freshId(String base) {
        for (int i = 1; ; i++) {
            String id = base + "_" + i;
            if (!locals.containsKey(id) && ids.add(id)) return id;
        }
    }

    private String describeNames() {
        List<String> names = new ArrayList<>(inputs);
        names.addAll(locals.keySet());
        return names.isEmpty() ? "" : " (known here: " + String.join(", ", names) + ")";
    }

    private String firstLine(Tree tree) {
        String text = cell.text(tree).strip();
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl).strip() + " ...";
    }

    private CellSyntaxException error(Tree where, String problem) {
        return new CellSyntaxException(cell.positionOf(where), problem);
    }
}
