package dev.flytejava.magics.flyte;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tasks and workflows run the session's current code: redefinitions in a closure take effect at the next call. */
class LiveCodeTest {
    @TempDir
    Path cacheDir;

    private JShellMagicContext ctx;
    private FlyteMagics magics;

    @BeforeEach
    void start() throws Exception {
        ctx = new JShellMagicContext();
        magics = new FlyteMagics(cacheDir);
    }

    @AfterEach
    void stop() {
        magics.close();
        ctx.close();
    }

    private Object eval(String source) throws Exception {
        return ctx.eval(source);
    }

    @Test
    void anEditedHelperMethodTakesEffectAndIsNotServedFromTheCache() throws Exception {
        eval("int[] calls = {0};");
        eval("long factor() { return 10; }");
        magics.task(ctx, "", "long scaled(long x) { return x * factor(); }");
        magics.task(ctx, "--cache v1", "long cachedScaled(long x) { calls[0]++; return x * factor(); }");
        assertEquals(70L, eval("scaled(7)"));
        assertEquals(70L, eval("cachedScaled(7)"));
        assertEquals(70L, eval("cachedScaled(7)"));
        assertEquals(1, eval("calls[0]"));

        eval("long factor() { return 100; }");
        assertEquals(700L, eval("scaled(7)"));
        assertEquals(700L, eval("cachedScaled(7)"), "the closure's hash is in the cache key");
        assertEquals(2, eval("calls[0]"));
        assertEquals(700L, eval("cachedScaled(7)"));
        assertEquals(2, eval("calls[0]"), "and the new result is cached in turn");
    }

    @Test
    void aRedefinedRecordIsTheTasksNewType() throws Exception {
        eval("record Box(long w) {}");
        magics.task(ctx, "", "long boxW(Box b) { return b.w(); }");
        assertEquals(3L, eval("boxW(new Box(3))"));
        eval("record Box(long w) { long twice() { return 2 * w; } }");
        assertEquals(3L, eval("boxW(new Box(3))"));
        magics.task(ctx, "", "Box bigger(Box b) { return new Box(b.twice()); }");
        assertEquals("Box[w=6]", String.valueOf(eval("bigger(new Box(3))")));
    }

    @Test
    void anEditedHelperClassAndAnEditedVariableTakeEffect() throws Exception {
        eval("class Rates { static long base() { return 2; } }");
        eval("long bonus = 1;");
        magics.task(ctx, "", "long pay(long hours) { return hours * Rates.base() + bonus; }");
        assertEquals(21L, eval("pay(10)"));
        eval("class Rates { static long base() { return 3; } }");
        assertEquals(31L, eval("pay(10)"));
        eval("long bonus = 5;");
        assertEquals(35L, eval("pay(10)"));
        eval("bonus = 7;");
        assertEquals(37L, eval("pay(10)"));
    }

    @Test
    void anUnrelatedCellKeepsCacheHits() throws Exception {
        eval("int[] calls = {0};");
        magics.task(ctx, "--cache v1", "long slow(long x) { calls[0]++; return x * 2; }");
        assertEquals(6L, eval("slow(3)"));
        eval("long somethingElse(long y) { return y - 1; }");
        eval("record Unused(String s) {}");
        eval("int z = 42;");
        magics.task(ctx, "", "long other(long x) { return x; }");
        assertEquals(6L, eval("slow(3)"));
        assertEquals(1, eval("calls[0]"), "served from the cache: nothing in its closure changed");
    }

    @Test
    void aRedefinitionThatChangesTheInterfaceNamesTheSnippetAndTheCellToRunAgain() throws Exception {
        eval("record Box(long w) {}");
        magics.task(ctx, "", "long boxW(Box b) { return 1; }");
        eval("record Box(String w) {}");
        Exception e = assertThrows(Exception.class, () -> eval("boxW(new Box(\"x\"))"));
        String m = e.getMessage();
        assertTrue(m.contains("Task [boxW] cannot run with the current code: input [b] was [STRUCT(Box) {w: integer}] and is "
                + "[STRUCT(Box) {w: string}] now"), m);
        assertTrue(m.contains("after record Box"), m);
        assertTrue(m.contains("Run the %%task cell of [boxW]"), m);

        magics.task(ctx, "", "long boxW(Box b) { return b.w().length(); }");
        assertEquals(1L, eval("boxW(new Box(\"x\"))"), "declaring it again with the new type works");
    }

    @Test
    void aWorkflowRunsTheEditedHelperOfItsTasks() throws Exception {
        eval("long factor() { return 10; }");
        magics.task(ctx, "", "long scaled(long x) { return x * factor(); }");
        magics.task(ctx, "", "long plusOne(long x) { return x + 1; }");
        magics.workflow(ctx, "", """
                long pipeline(long x) {
                    long a = scaled(x);
                    return plusOne(a);
                }
                """);
        assertEquals(71L, eval("pipeline(7)"));
        eval("long factor() { return 100; }");
        assertEquals(701L, eval("pipeline(7)"));
    }

    @Test
    void aTaskDeclaredAgainWithAnotherInterfaceBreaksTheWorkflowWithAClearMessage() throws Exception {
        magics.task(ctx, "", "String greet(String name) { return \"hi \" + name; }");
        magics.workflow(ctx, "", """
                String hello(String who) {
                    String g = greet(who);
                    return g;
                }
                """);
        assertEquals("hi ann", eval("hello(\"ann\")"));
        magics.task(ctx, "", "String greet(long name) { return \"hi #\" + name; }");
        Exception e = assertThrows(Exception.class, () -> eval("hello(\"ann\")"));
        String m = e.getMessage();
        assertTrue(m.contains("Workflow [hello] cannot run: task [greet] changed since the workflow was wired "
                + "(input [name] was [STRING] and is [INTEGER] now)"), m);
        assertTrue(m.contains("Node [g] (task [greet]) input [name]: expected [INTEGER] but [who] is [STRING]"), m);
        assertTrue(m.contains("Run the %%workflow cell of [hello]"), m);
        Exception again = assertThrows(Exception.class, () -> magics.workflow(ctx, "", """
                String hello(String who) {
                    String g = greet(who);
                    return g;
                }
                """), "the declaration check says the same");
        assertTrue(again.getMessage().contains("Node [g] (task [greet]) input [name]: expected [INTEGER] but [who] is [STRING]"),
                again.getMessage());
    }
}
