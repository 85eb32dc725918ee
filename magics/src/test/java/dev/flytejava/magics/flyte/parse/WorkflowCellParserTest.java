package dev.flytejava.magics.flyte.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.magics.flyte.parse.WorkflowIr.BranchNode;
import dev.flytejava.magics.flyte.parse.WorkflowIr.CallArm;
import dev.flytejava.magics.flyte.parse.WorkflowIr.CallNode;
import dev.flytejava.magics.flyte.parse.WorkflowIr.Comparator;
import dev.flytejava.magics.flyte.parse.WorkflowIr.Comparison;
import dev.flytejava.magics.flyte.parse.WorkflowIr.InputRef;
import dev.flytejava.magics.flyte.parse.WorkflowIr.Junction;
import dev.flytejava.magics.flyte.parse.WorkflowIr.Literal;
import dev.flytejava.magics.flyte.parse.WorkflowIr.MapNode;
import dev.flytejava.magics.flyte.parse.WorkflowIr.NodeOutput;
import dev.flytejava.magics.flyte.parse.WorkflowIr.RecordOutput;
import dev.flytejava.magics.flyte.parse.WorkflowIr.SingleOutput;
import dev.flytejava.magics.flyte.parse.WorkflowIr.ValueArm;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkflowCellParserTest {

    private static NodeOutput out(String id) {
        return new NodeOutput(id, Optional.empty());
    }

    @Test
    void chainOfCallsWithInputsLiteralsAndUpstreamOutputs() {
        WorkflowIr ir = WorkflowCellParser.parse("""
                long pipeline(long x, String label) {
                    long a = addOne(x);
                    long b = scale(a, 2, -1.5, "s", true, 'c');
                    return b;
                }
                """);
        assertEquals(List.of("x", "label"), ir.signature().parameterNames());
        assertEquals(2, ir.nodes().size());
        CallNode a = (CallNode) ir.nodes().get(0);
        assertEquals(new CallNode("a", "addOne", List.of(new InputRef("x")), new CellPosition(2, 14)), a);
        CallNode b = (CallNode) ir.nodes().get(1);
        assertEquals(List.of(out("a"), new Literal(2L, "2"), new Literal(-1.5, "-1.5"), new Literal("s", "\"s\""),
                new Literal(true, "true"), new Literal("c", "'c'")), b.args());
        assertEquals(new SingleOutput(out("b")), ir.output());
    }

    @Test
    void collectionLiterals() {
        WorkflowIr ir = WorkflowCellParser.parse("""
                long wf() {
                    long a = total(List.of(1, 2, 3), Map.of("k", 1.0), java.util.List.of());
                    return a;
                }
                """);
        CallNode a = (CallNode) ir.nodes().get(0);
        assertEquals(List.of(1L, 2L, 3L), ((Literal) a.args().get(0)).value());
        assertEquals(Map.of("k", 1.0), ((Literal) a.args().get(1)).value());
        assertEquals(List.of(), ((Literal) a.args().get(2)).value());
    }

    @Test
    void outputsRecordFieldsAndRecordReturn() {
        WorkflowIr ir = WorkflowCellParser.parse("""
                Stats wf(List<Long> xs) {
                    var r = stats(xs);
                    long m = r.max();
                    long d = diff(r.max(), r.min());
                    return new Stats(m, d);
                }
                """);
        CallNode d = (CallNode) ir.nodes().get(1);
        assertEquals(List.of(new NodeOutput("r", Optional.of("max")), new NodeOutput("r", Optional.of("min"))), d.args());
        RecordOutput ret = (RecordOutput) ir.output();
        assertEquals("Stats", ret.recordType());
        assertEquals(List.of(new NodeOutput("r", Optional.of("max")), out("d")), ret.values());
    }

    @Test
    void mapNodeAndBareCallAndReturnedCall() {
        WorkflowIr ir = WorkflowCellParser.parse("""
                List<Long> wf(List<Long> xs) {
                    waitFor("/tmp/x");
                    waitFor("/tmp/y");
                    List<Long> ys = map(addOne, xs);
                    return map(addOne, ys);
                }
                """);
        assertEquals("waitFor_1", ir.nodes().get(0).id());
        assertEquals("waitFor_2", ir.nodes().get(1).id());
        assertEquals(new MapNode("ys", "addOne", new InputRef("xs"), new CellPosition(4, 21)), ir.nodes().get(2));
        assertEquals("map_1", ir.nodes().get(3).id());
        assertEquals(new SingleOutput(out("map_1")), ir.output());
    }

    @Test
    void returningBranchWithElseIfAndValueArm() {
        WorkflowIr ir = WorkflowCellParser.parse("""
                long wf(long x) {
                    long b = addOne(x);
                    if (b > 10 && (x != 3 || b <= -2)) {
                        return scale(b, 2);
                    } else if (b == x) return addOne(b);
                    else {
                        return b;
                    }
                }
                """);
        BranchNode branch = (BranchNode) ir.nodes().get(1);
        assertEquals("branch_1", branch.id());
        assertTrue(branch.producesValue());
        Junction and = (Junction) branch.cases().get(0).condition();
        assertTrue(and.and());
        assertEquals(new Comparison(Comparator.GT, out("b"), new Literal(10L, "10")), and.left());
        Junction or = (Junction) and.right();
        assertFalse(or.and());
        assertEquals(new Comparison(Comparator.LE, out("b"), new Literal(-2L, "-2")), or.right());
        CallArm first = (CallArm) branch.cases().get(0).arm();
        assertEquals("branch_1_case1", first.call().id());
        assertEquals(List.of(out("b"), new Literal(2L, "2")), first.call().args());
        assertEquals("branch_1_case2", ((CallArm) branch.cases().get(1).arm()).call().id());
        assertEquals(out("b"), ((ValueArm) branch.otherwise().orElseThrow()).value());
        assertEquals(new SingleOutput(out("branch_1")), ir.output());
    }

    @Test
    void assigningBranchFeedsLaterNodes() {
        WorkflowIr ir = WorkflowCellParser.parse("""
                long wf(long x, boolean fast) {
                    long c;
                    if (fast) { c = addOne(x); } else { c = scale(x, 3); }
                    long d = addOne(c);
                    return d;
                }
                """);
        BranchNode branch = (BranchNode) ir.nodes().get(0);
        assertEquals("c", branch.id());
        assertEquals(new Comparison(Comparator.EQ, new InputRef("fast"), new Literal(true, "true")),
                branch.cases().get(0).condition());
        assertEquals(List.of(out("c")), ((CallNode) ir.nodes().get(1)).args());
    }

    @Test
    void effectBranchWithoutElse() {
        BranchNode branch = (BranchNode) WorkflowCellParser.parse("""
                void wf(long x, boolean quiet) {
                    if (!quiet) { alert(x); }
                }
                """).nodes().get(0);
        assertFalse(branch.producesValue());
        assertTrue(branch.otherwise().isEmpty());
        assertEquals(new Comparison(Comparator.EQ, new InputRef("quiet"), new Literal(false, "false")),
                branch.cases().get(0).condition());
        assertEquals("branch_1_case1", ((CallArm) branch.cases().get(0).arm()).call().id());
    }

    @Test
    void rejectsNegatedComparison() {
        assertRejected("void wf(long x) {\n  if (!(x > 3)) { alert(x); }\n}", 2, 7, "unsupported condition [!(x > 3)]");
    }

    @Test
    void voidWorkflowWithoutReturn() {
        WorkflowIr ir = WorkflowCellParser.parse("void wf(long x) { alert(x); }");
        assertInstanceOf(WorkflowIr.NoOutput.class, ir.output());
    }

    // ---- rejected forms, each with line and column

    private static CellSyntaxException rejected(String body) {
        return assertThrows(CellSyntaxException.class, () -> WorkflowCellParser.parse(body));
    }

    private static void assertRejected(String body, int line, int column, String fragment) {
        CellSyntaxException e = rejected(body);
        assertEquals(new CellPosition(line, column), e.position(), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void rejectsLoops() {
        assertRejected("""
                long wf(long x) {
                    long a = addOne(x);
                    for (int i = 0; i < 3; i++) { a = addOne(a); }
                    return a;
                }
                """, 3, 5, "unsupported statement [for (int i = 0; i < 3; i++) { a = addOne(a); }]; a workflow body allows");
    }

    @Test
    void rejectsArithmetic() {
        assertRejected("""
                long wf(long x) {
                    long a = addOne(x + 1);
                    return a;
                }
                """, 2, 21, "unsupported expression [x + 1]; an argument is a workflow input");
    }

    @Test
    void rejectsUnknownNamesListingKnownOnes() {
        assertRejected("long wf(long x) {\n  long a = addOne(y);\n  return a;\n}", 2, 19, "unknown name [y]");
        assertTrue(rejected("long wf(long x) {\n  long a = addOne(y);\n  return a;\n}").getMessage().contains("known here: x"));
    }

    @Test
    void rejectsNestedCalls() {
        assertRejected("long wf(long x) {\n  long a = addOne(addOne(x));\n  return a;\n}", 2, 19,
                "nested call [addOne(x)]; assign it to a local first");
    }

    @Test
    void rejectsPlainLocalAssignmentAndReassignment() {
        assertRejected("long wf(long x) {\n  long a = addOne(x);\n  a = addOne(a);\n  return a;\n}", 3, 3, "unsupported statement [a = addOne(a);]");
        assertRejected("long wf(long x) {\n  long a = addOne(x);\n  long a = addOne(a);\n  return a;\n}", 3, 3, "[a] is already declared");
    }

    @Test
    void rejectsStatementsAfterReturn() {
        assertRejected("long wf(long x) {\n  return x;\n  alert(x);\n}", 3, 3, "statement after the workflow's return");
    }

    @Test
    void rejectsMissingReturn() {
        assertRejected("long wf(long x) {\n  alert(x);\n}", 1, 1, "has no return statement");
    }

    @Test
    void rejectsBranchArmsWithTwoStatementsOrMixedKinds() {
        assertRejected("""
                long wf(long x) {
                    if (x > 1) { alert(x); return addOne(x); } else { return x; }
                }
                """, 2, 16, "this arm has 2 statements");
        assertRejected("""
                long wf(long x) {
                    if (x > 1) { return addOne(x); } else { alert(x); }
                }
                """, 2, 45, "every arm of a branch must do the same");
    }

    @Test
    void rejectsValueBranchWithoutElse() {
        assertRejected("long wf(long x) {\n  if (x > 1) { return addOne(x); }\n  return x;\n}", 2, 3, "needs a final `else` arm");
    }

    @Test
    void rejectsUnsupportedConditions() {
        assertRejected("long wf(long x) {\n  if (x + 1 > 2) { return addOne(x); } else { return x; }\n}", 2, 7, "unsupported expression [x + 1]");
        assertRejected("long wf(long x) {\n  if (isBig(x)) { return addOne(x); } else { return x; }\n}", 2, 7,
                "unsupported condition [isBig(x)]; a condition compares");
    }

    @Test
    void rejectsAssignmentToUndeclaredLocalInBranch() {
        assertRejected("long wf(long x) {\n  if (x > 1) { c = addOne(x); } else { c = x; }\n  return x;\n}", 2, 16,
                "[c] must be declared before the branch");
    }

    @Test
    void rejectsUseBeforeAssignment() {
        assertRejected("long wf(long x) {\n  long c;\n  long d = addOne(c);\n  return d;\n}", 3, 19, "[c] is used before it is assigned");
    }

    @Test
    void rejectsBadMapForms() {
        assertRejected("List<Long> wf(List<Long> xs) {\n  var ys = map(xs, xs);\n  return ys;\n}", 2, 16,
                "[xs] is a value here");
        assertRejected("List<Long> wf(List<Long> xs) {\n  var ys = map(addOne);\n  return ys;\n}", 2, 12,
                "a map node is `map(task, list)`");
    }

    @Test
    void rejectsNonLiteralCollectionsAndNonStringKeys() {
        assertRejected("long wf(long x) {\n  long a = total(List.of(x, 2));\n  return a;\n}", 2, 26, "List.of/Map.of in a workflow may hold literals only, found [x]");
        assertRejected("long wf(long x) {\n  long a = total(Map.of(1, 2));\n  return a;\n}", 2, 25, "Map.of keys must be strings");
    }

    @Test
    void rejectsFieldOfNonNode() {
        assertRejected("long wf(long x) {\n  long a = total(x.max());\n  return a;\n}", 2, 18, "unsupported expression [x.max()]");
    }

    @Test
    void rejectsTwoMethodsInWorkflowCell() {
        CellSyntaxException e = rejected("long a(long x) { return x; }\nlong b(long x) { return x; }");
        assertEquals(new CellPosition(2, 1), e.position());
        assertTrue(e.getMessage().contains("%%workflow allows exactly one method"));
    }
}
