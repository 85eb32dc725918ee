package dev.flytejava.kernel.flyte;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each error of the Flyte magics through the real kernel: it shows as a Jupyter error whose message
 * says what and where, and the next cell (and every earlier declaration) still works.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlyteMagicErrorsIT extends FlyteKernelCase {

    private final List<String> sources = new ArrayList<>();
    private List<Cell> cells;

    private int add(String source) {
        sources.add(source);
        return sources.size() - 1;
    }

    private int addOneCheck;
    private int unsupportedStatement;
    private int afterUnsupported;
    private int typeMismatch;
    private int afterMismatch;
    private int unknownTask;
    private int afterUnknown;
    private int badOption;
    private int afterBadOption;
    private int failingRun;
    private int afterFailingRun;
    private int unknownDecorator;
    private int unknownRun;
    private int badRunValue;
    private int finalCheck;
    private int compileError;
    private int afterCompileError;
    private int unquotedJson;
    private int spacedJson;
    private int undeclaredName;
    private int afterUndeclared;
    private int quotedJson;

    @BeforeAll
    void run(@TempDir Path work) throws Exception {
        add("%%task\nlong addOne(long x) { return x + 1; }");
        add("%%task\nString label(String s) { return s + \"!\"; }");
        add("%%task\nlong boom(long x) { throw new IllegalStateException(\"boom at \" + x); }");
        addOneCheck = add("addOne(1)");
        unsupportedStatement = add("""
                %%workflow
                long loop(long x) {
                    long a = addOne(x);
                    for (int i = 0; i < 2; i++) { a = addOne(a); }
                    return a;
                }""");
        afterUnsupported = add("addOne(2)");
        typeMismatch = add("""
                %%workflow
                String mismatch(long x) {
                    long a = addOne(x);
                    String b = label(a);
                    return b;
                }""");
        afterMismatch = add("addOne(3)");
        unknownTask = add("""
                %%workflow
                long unknown(long x) {
                    long a = addTwo(x);
                    return a;
                }""");
        afterUnknown = add("addOne(4)");
        badOption = add("%%task --timeout abc\nlong f(long x) { return x; }");
        afterBadOption = add("addOne(5)");
        add("""
                %%workflow
                long failing(long x) {
                    long a = addOne(x);
                    long b = boom(a);
                    return b;
                }""");
        failingRun = add("failing(1)");
        afterFailingRun = add("addOne(6)");
        add("TaskDecorator quiet = (call, next) -> next.run(call);");
        unknownDecorator = add("%%task --decorators quiet,loud\nlong g(long x) { return x; }");
        unknownRun = add("%flyte run nosuch --x 1");
        badRunValue = add("%flyte run addOne --x three");
        finalCheck = add("%flyte run addOne --x 7");
        compileError = add("%%task\nlong broken(long x) {\n    long y = x;\n    return \"text\";\n}");
        afterCompileError = add("addOne(10)");
        add("record Point(long x, long y) {}");
        add("%%task\nlong sum(Point p) { return p.x() + p.y(); }");
        unquotedJson = add("%flyte run sum --p {\"x\":3,\"y\":4}");
        spacedJson = add("%flyte run sum --p {\"x\": 3, \"y\": 4}");
        undeclaredName = add("%%task\nlong addOne(long x) {\n    return x + offset;\n}");
        afterUndeclared = add("addOne(20)");
        quotedJson = add("%flyte run sum --p '{\"x\": 3, \"y\": 4}'");
        cells = runCells(sources, work.resolve("cache"));
    }

    private Cell at(int i) {
        return cells.get(i);
    }

    private void assertError(int i, String... fragments) {
        Cell c = at(i);
        assertFalse(c.ok(), "expected an error from " + c);
        assertFalse(c.ofType("error").isEmpty(), "an iopub error message for " + c);
        for (String f : fragments) assertTrue(c.error().contains(f), "[" + f + "] in " + c.error());
    }

    @Test
    void declarationsWork() {
        for (int i = 0; i < 3; i++) assertTrue(at(i).ok(), at(i).toString());
        assertEquals("2", at(addOneCheck).result());
    }

    @Test
    void unsupportedStatementInAWorkflowBody() {
        assertError(unsupportedStatement, "line 4, column 5", "unsupported statement [for (int i = 0; i < 2; i++)",
                "a workflow body allows");
        assertEquals("3", at(afterUnsupported).result());
    }

    @Test
    void typeMismatchInWiring() {
        assertError(typeMismatch, "Node [b] (task [label]) input [s]", "expected [STRING]", "[INTEGER]");
        assertEquals("4", at(afterMismatch).result());
    }

    @Test
    void unknownTask() {
        assertError(unknownTask, "line 3, column 14", "Unknown task, workflow or launch plan [addTwo]", "addOne (task)");
        assertEquals("5", at(afterUnknown).result());
    }

    @Test
    void badOptionValue() {
        assertError(badOption, "--timeout: expected a duration like 30s, 5m or PT5M, got [abc]");
        assertEquals("6", at(afterBadOption).result());
    }

    @Test
    void taskThatThrows() {
        assertError(failingRun, "failing/b", "boom", "boom at 2");
        assertEquals("7", at(afterFailingRun).result());
    }

    @Test
    void compileErrorInATaskBodyNamesTheCellLine() {
        assertError(compileError, "line 4", "incompatible types");
        assertEquals("11", at(afterCompileError).result());
    }

    @Test
    void jsonThatLostItsQuotesSaysHowToQuoteItAndNamesTheCellsClass() {
        assertError(unquotedJson, "--p: expected JSON for Point, got [{x:3,y:4}]", "put the JSON in single quotes");
        assertError(spacedJson, "got [3,]", "the value of --p looks like JSON cut at a space");
        assertFalse(at(unquotedJson).error().contains("$JShell$"), at(unquotedJson).error());
        Cell quoted = at(quotedJson);
        assertTrue(quoted.ok(), quoted.toString());
        String shown = quoted.ofType("update_display_data").get(quoted.ofType("update_display_data").size() - 1)
                .path("data").path("text/plain").asText();
        assertTrue(shown.contains("o0 = 7"), shown);
    }

    @Test
    void aTaskBodyUsingAnUndeclaredNameIsRejectedAndTheOldTaskStays() {
        assertError(undeclaredName, "line 3, column 16: cannot find symbol: variable offset is not declared");
        assertEquals("21", at(afterUndeclared).result());
    }

    @Test
    void unknownDecoratorListsTheDeclaredOnes() {
        assertError(unknownDecorator, "no session variable [loud]", "quiet");
    }

    @Test
    void unknownEntityAndBadValueInFlyteRun() {
        assertError(unknownRun, "Unknown task, workflow or launch plan [nosuch]");
        assertError(badRunValue, "--x: expected a whole number like 3, got [three]");
        Cell last = at(finalCheck);
        assertTrue(last.ok(), last.toString());
        String shown = last.ofType("update_display_data").get(last.ofType("update_display_data").size() - 1)
                .path("data").path("text/plain").asText();
        assertTrue(shown.contains("o0 = 8"), shown);
    }
}
