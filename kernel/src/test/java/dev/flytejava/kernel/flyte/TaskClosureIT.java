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
 * A task's code is its closure, through the real kernel and client: redefining a helper method, a record, a helper
 * class or a variable takes effect at the task's next call (and in workflows), with and without the cache; an
 * unrelated cell keeps cache hits; a redefinition that changes the task's interface is a clear error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskClosureIT extends FlyteKernelCase {

    private final List<String> sources = new ArrayList<>();
    private List<Cell> cells;

    private int add(String source) {
        sources.add(source);
        return sources.size() - 1;
    }

    private int helperBefore, helperAfter, cachedBefore, cachedAfter, cachedAgain, callsAfterHelper;
    private int recordBefore, recordAfter;
    private int classBefore, classAfter;
    private int variableBefore, variableAfter;
    private int cacheFirst, cacheAfterUnrelated, cacheCalls;
    private int interfaceBroken, interfaceRedeclared, bodyBroken;
    private int workflowBefore, workflowAfter;
    private int showTask;

    @BeforeAll
    void run(@TempDir Path cache) throws Exception {
        add("int[] calls = {0};");
        add("long factor() { return 10; }");
        add("%%task\nlong scaled(long x) { return x * factor(); }");
        add("%%task --cache v1\nlong cachedScaled(long x) { calls[0]++; return x * factor(); }");
        helperBefore = add("scaled(7)");
        cachedBefore = add("cachedScaled(7)");
        add("long factor() { return 100; }");
        helperAfter = add("scaled(7)");
        cachedAfter = add("cachedScaled(7)");
        cachedAgain = add("cachedScaled(7)");
        callsAfterHelper = add("calls[0]");

        add("record Box(long w) {}");
        add("%%task\nlong boxW(Box b) { return b.w(); }");
        recordBefore = add("boxW(new Box(3))");
        add("record Box(long w) { long twice() { return 2 * w; } }");
        recordAfter = add("boxW(new Box(3))");

        add("class Rates { static long base() { return 2; } }");
        add("%%task\nlong pay(long hours) { return hours * Rates.base(); }");
        classBefore = add("pay(10)");
        add("class Rates { static long base() { return 3; } }");
        classAfter = add("pay(10)");

        add("long bonus = 1;");
        add("%%task\nlong withBonus(long x) { return x + bonus; }");
        variableBefore = add("withBonus(10)");
        add("long bonus = 5;");
        variableAfter = add("withBonus(10)");

        add("int[] slowCalls = {0};");
        add("%%task --cache v2\nlong slow(long x) { slowCalls[0]++; return x * 2; }");
        cacheFirst = add("slow(21)");
        add("long somethingElse(long y) { return y - 1; }\nrecord Unused(String s) {}\nint z = 42;");
        cacheAfterUnrelated = add("slow(21)");
        cacheCalls = add("slowCalls[0]");

        add("record Point(long x) {}");
        add("%%task\nlong px(Point p) { return 1; }");
        add("%%task\nlong py(Point p) { return p.x(); }");
        add("record Point(String x) {}");
        bodyBroken = add("py(new Point(\"a\"))");
        interfaceBroken = add("px(new Point(\"a\"))");
        add("%%task\nlong px(Point p) { return p.x().length(); }");
        interfaceRedeclared = add("px(new Point(\"abc\"))");

        add("long step() { return 1; }");
        add("%%task\nlong advance(long x) { return x + step(); }");
        add("%%workflow\nlong twoSteps(long x) {\n    long a = advance(x);\n    return advance(a);\n}");
        workflowBefore = add("twoSteps(0)");
        add("long step() { return 10; }");
        workflowAfter = add("twoSteps(0)");
        showTask = add("%flyte show advance");

        cells = runCells(sources, cache);
    }

    private Cell cell(int i) {
        return cells.get(i);
    }

    @Test
    void anEditedHelperMethodTakesEffectWithAndWithoutTheCache() {
        assertEquals("70", cell(helperBefore).result(), cell(helperBefore).toString());
        assertEquals("70", cell(cachedBefore).result());
        assertEquals("700", cell(helperAfter).result(), cell(helperAfter).toString());
        assertEquals("700", cell(cachedAfter).result(), cell(cachedAfter).toString());
        assertEquals("700", cell(cachedAgain).result());
        assertEquals("2", cell(callsAfterHelper).result(), "computed once per version of the helper, then cached");
    }

    @Test
    void aRedefinedRecordWorks() {
        assertEquals("3", cell(recordBefore).result());
        assertEquals("3", cell(recordAfter).result(), cell(recordAfter).toString());
    }

    @Test
    void anEditedHelperClassAndVariableTakeEffect() {
        assertEquals("20", cell(classBefore).result());
        assertEquals("30", cell(classAfter).result(), cell(classAfter).toString());
        assertEquals("11", cell(variableBefore).result());
        assertEquals("15", cell(variableAfter).result(), cell(variableAfter).toString());
    }

    @Test
    void anUnrelatedCellLeavesCacheHitsIntact() {
        assertEquals("42", cell(cacheFirst).result());
        assertEquals("42", cell(cacheAfterUnrelated).result());
        assertEquals("1", cell(cacheCalls).result(), "the second call was a cache hit");
    }

    @Test
    void anInterfaceChangingRedefinitionIsAClearError() {
        Cell broken = cell(interfaceBroken);
        assertFalse(broken.ok(), broken.toString());
        String m = broken.error();
        assertTrue(m.contains("Task [px] cannot run with the current code: input [p] was [STRUCT(Point) {x: integer}] and is "
                + "[STRUCT(Point) {x: string}] now"), m);
        assertTrue(m.contains("after record Point (cell "), m);
        assertTrue(m.matches("(?s).*Run the %%task cell of \\[px\\] \\(cell \\d+\\) again.*"), m);
        assertEquals("3", cell(interfaceRedeclared).result(), cell(interfaceRedeclared).toString());
    }

    @Test
    void aBodyThatNoLongerCompilesSaysWhy() {
        Cell broken = cell(bodyBroken);
        assertFalse(broken.ok(), broken.toString());
        String m = broken.error();
        assertTrue(m.contains("Task [py] cannot run: its code does not compile with the current declarations: incompatible types"), m);
        assertTrue(m.contains("after record Point (cell "), m);
    }

    @Test
    void aWorkflowPicksUpAnEditedHelperOfItsTasks() {
        assertEquals("2", cell(workflowBefore).result(), cell(workflowBefore).toString());
        assertEquals("20", cell(workflowAfter).result(), cell(workflowAfter).toString());
    }

    @Test
    void showListsTheClosure() {
        Cell show = cell(showTask);
        assertTrue(show.ok(), show.toString());
        String text = show.ofType("display_data").stream().map(c -> c.path("data").path("text/plain").asText()).findFirst()
                .orElse(show.result());
        assertTrue(text.contains("Code of task [advance]"), text);
        assertTrue(text.contains("method") && text.contains("step()") && text.contains("task body"), text);
    }
}
