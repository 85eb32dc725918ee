package dev.flytejava.magics.flyte;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.magics.display.Displayable;
import dev.flytejava.magics.flyte.parse.CellSyntaxException;
import dev.flytejava.magics.flyte.render.DagSvg;
import dev.flytejava.magics.flyte.render.Stacked;
import dev.flytejava.magics.flyte.render.RunView;
import dev.flytejava.magics.flyte.render.TaskCard;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Flyte magics over a real JShell: cells declare tasks and workflows, plain Java calls run them. */
class FlyteMagicsTest {
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

    private static String text(Object displayable) {
        return ((Displayable) displayable).mimeBundle().get("text/plain");
    }

    @Test
    void taskCellDeclaresACallableTask() throws Exception {
        TaskCard card = (TaskCard) magics.task(ctx, "--retries 2", "long addOne(long x) { return x + 1; }");
        assertEquals("task addOne\n  x: INTEGER -> o0: INTEGER\n  retries: 2", text(card));
        assertEquals(4L, eval("addOne(3)"));
        assertEquals(List.of(), ctx.displays(), "a plain task call shows no run display");
    }

    @Test
    void genericAndCellDeclaredTypes() throws Exception {
        eval("record Coordinate(double x, double y) {}");
        TaskCard card = (TaskCard) magics.task(ctx, "", """
                List<Coordinate> shift(List<Coordinate> points, double dx) {
                    return points.stream().map(p -> new Coordinate(p.x() + dx, p.y())).toList();
                }
                """);
        assertTrue(text(card).contains("points: LIST<STRUCT"), text(card));
        assertEquals("[Coordinate[x=1.5, y=2.0]]", String.valueOf(eval("shift(List.of(new Coordinate(1, 2)), 0.5)")));
    }

    @Test
    void cacheServesSameCodeAndNeverStaleCode() throws Exception {
        eval("int[] calls = {0};");
        magics.task(ctx, "--cache v1", "long slow(long x) { calls[0]++; return x * 2; }");
        assertEquals(6L, eval("slow(3)"));
        assertEquals(6L, eval("slow(3)"));
        assertEquals(1, eval("calls[0]"));
        magics.task(ctx, "--cache v1", "long slow(long x) { calls[0]++; return x * 3; }");
        assertEquals(9L, eval("slow(3)"), "an edited cell never gets the old code's cached result");
        assertEquals(2, eval("calls[0]"));
    }

    @Test
    void redeclaringWithOtherParameterTypesReplacesTheOldMethod() throws Exception {
        magics.task(ctx, "", "long half(long x) { return x / 2; }");
        assertEquals(1L, eval("half(3)"));
        magics.task(ctx, "", "double half(double x) { return x / 2; }");
        // with the old half(long) still defined, half(3) would pick it (long is more specific than double)
        assertEquals(1.5, eval("half(3)"));
        magics.workflow(ctx, "", "double quarter(double x) { double h = half(x); return half(h); }");
        assertEquals(0.75, eval("quarter(3)"));
        magics.workflow(ctx, "", "double quarter(double x, double y) { double h = half(x); return half(y); }");
        assertEquals(1.0, eval("quarter(3, 2)"));
        assertThrows(Exception.class, () -> eval("quarter(3)"), "the one-input workflow method is gone");
        // an overload the user wrote in a plain cell is theirs: it stays
        eval("String half(String s) { return s.substring(0, s.length() / 2); }");
        magics.task(ctx, "", "long half(long x) { return x / 2; }");
        assertEquals("ab", eval("half(\"abcd\")"));
        assertEquals(1L, eval("half(3)"));
    }

    @Test
    void decoratorsFromCellsWrapTheTask() throws Exception {
        magics.start(ctx); // what the kernel does when its session is ready: imports TaskDecorator & co.
        eval("List<String> seen = new ArrayList<>();");
        eval("TaskDecorator audit = (call, next) -> { seen.add(call.taskName() + call.inputs()); return next.run(call); };");
        magics.task(ctx, "--decorators audit", "long twice(long x) { return 2 * x; }");
        assertEquals(10L, eval("twice(5)"));
        assertEquals("[twice{x=5}]", String.valueOf(eval("seen")));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> magics.task(ctx, "--decorators audit,timed", "long t(long x) { return x; }"));
        assertEquals("--decorators of task [t]: no session variable [timed]; TaskDecorator variables in this session: audit",
                e.getMessage());
    }

    @Test
    void transformerRegisteredFromACell() throws Exception {
        magics.start(ctx);
        eval("record Point(long x, long y) { static Point parse(String s) { String[] p = s.split(\",\"); "
                + "return new Point(Long.parseLong(p[0]), Long.parseLong(p[1])); } }");
        eval("TypeEngine.register(TypeTransformer.via(Point.class, String.class, p -> p.x() + \",\" + p.y(), Point::parse));");
        TaskCard card = (TaskCard) magics.task(ctx, "", "Point flip(Point p) { return new Point(p.y(), p.x()); }");
        assertEquals("task flip\n  p: STRING -> o0: STRING", text(card));
        assertEquals("Point[x=2, y=1]", String.valueOf(eval("flip(new Point(1, 2))")));
        // running the registering cell again replaces its own transformer
        eval("TypeEngine.register(TypeTransformer.via(Point.class, String.class, p -> p.x() + \",\" + p.y(), Point::parse));");
    }

    @Test
    void workflowWithBranchMapAndOutputsRecord() throws Exception {
        eval("@Outputs record Stats(long max, long min) {}");
        magics.task(ctx, "", "long addOne(long x) { return x + 1; }");
        magics.task(ctx, "", "long scale(long x, long f) { return x * f; }");
        magics.task(ctx, "", "Stats stats(List<Long> xs) { return new Stats(Collections.max(xs), Collections.min(xs)); }");
        DagSvg dag = (DagSvg) magics.workflow(ctx, "", """
                long pipeline(long x, List<Long> xs) {
                    long a = addOne(x);
                    List<Long> ys = map(addOne, xs);
                    var s = stats(ys);
                    long c;
                    if (a > s.max()) { c = scale(a, 2); } else { c = addOne(s.min()); }
                    return c;
                }
                """);
        assertTrue(dag.svg().startsWith("<svg"), dag.svg());
        assertTrue(text(dag).startsWith("pipeline: 2 inputs, 4 nodes, 1 output"), text(dag));

        assertEquals(10L, eval("pipeline(4, List.of(1L, 2L))"));   // a=5 > max 3 -> 5*2
        assertEquals(3L, eval("pipeline(1, List.of(1L, 7L))"));    // a=2 <= 8 -> min 2 + 1

        JShellMagicContext.Shown run = ctx.displays().get(ctx.displays().size() - 1);
        assertTrue(run.values().size() >= 2, "the run display was updated in place");
        RunView last = (RunView) run.values().get(run.values().size() - 1);
        String finalText = text(last);
        assertTrue(finalText.contains("pipeline succeeded in"), finalText);
        assertTrue(finalText.contains("o0 = 3"), finalText);
        assertTrue(last.mimeBundle().get("text/html").contains("<svg"), "the live view shows the coloured DAG");
    }

    @Test
    void anInterruptedRunSaysSoInItsSummary() throws Exception {
        eval("java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);");
        var started = (java.util.concurrent.CountDownLatch) ctx.variable("started").orElseThrow();
        magics.task(ctx, "", "long slow(long x) throws InterruptedException { started.countDown(); Thread.sleep(30_000); return x; }");
        magics.workflow(ctx, "", "long wf(long x) { long a = slow(x); return a; }");
        Thread caller = Thread.currentThread();
        Thread interrupter = new Thread(() -> {
            try {
                started.await(); // the node runs: interrupt the run now
            } catch (InterruptedException ignored) {
                return;
            }
            caller.interrupt();
        });
        interrupter.start();
        assertThrows(Exception.class, () -> eval("wf(1)"));
        interrupter.join();
        Thread.interrupted(); // whatever is left of the interrupt must not leak into the next test
        String summary = text(lastView());
        assertTrue(summary.contains("wf was interrupted after "), summary);
        assertTrue(summary.contains("while node [wf/a] was running"), summary);
    }

    @Test
    void workflowReturningRecordAndValueArm() throws Exception {
        eval("@Outputs record Pair(long big, long small) {}");
        magics.task(ctx, "", "long addOne(long x) { return x + 1; }");
        magics.workflow(ctx, "", """
                Pair both(long x) {
                    long a = addOne(x);
                    long b = addOne(a);
                    return new Pair(b, a);
                }
                """);
        assertEquals("Pair[big=3, small=2]", String.valueOf(eval("both(1)")));
        magics.workflow(ctx, "", """
                long clamp(long x) {
                    long a = addOne(x);
                    if (a > 10) { return addOne(a); } else { return a; }
                }
                """);
        assertEquals(13L, eval("clamp(11)"));
        assertEquals(3L, eval("clamp(2)"));
        magics.task(ctx, "", "double half(double x) { return x / 2; }");
        magics.workflow(ctx, "", """
                double halfOrZero(double x) {
                    if (x > 0) { return half(x); } else { return 0; }
                }
                """);
        assertEquals(0.0, eval("halfOrZero(-4)"), "the literal 0 takes the other arm's type");
        assertEquals(2.0, eval("halfOrZero(4)"));
    }

    @Test
    void wiringTypeMismatchNamesNodeInputAndBothTypes() throws Exception {
        magics.task(ctx, "", "long addOne(long x) { return x + 1; }");
        magics.task(ctx, "", "String label(String s) { return s + \"!\"; }");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> magics.workflow(ctx, "", """
                String wf(long x) {
                    long a = addOne(x);
                    String b = label(a);
                    return b;
                }
                """));
        assertTrue(e.getMessage().contains("[b]") && e.getMessage().contains("[s]"), e.getMessage());
        assertTrue(e.getMessage().contains("STRING") && e.getMessage().contains("INTEGER"), e.getMessage());
    }

    @Test
    void unknownTaskPointsAtTheLine() throws Exception {
        magics.task(ctx, "", "long addOne(long x) { return x + 1; }");
        Exception e = assertThrows(Exception.class, () -> magics.workflow(ctx, "", """
                long wf(long x) {
                    long a = addOne(x);
                    long b = addTwo(a);
                    return b;
                }
                """));
        assertEquals("line 4, column 14: Unknown task, workflow or launch plan [addTwo] called in workflow [wf]; "
                + "declared: addOne (task)", e.getMessage());
    }

    @Test
    void failingTaskNamesNodePathAndCauseAndSessionStaysUsable() throws Exception {
        magics.task(ctx, "", "long boom(long x) { if (x > 1) throw new IllegalStateException(\"too big: \" + x); return x; }");
        magics.workflow(ctx, "", "long wf(long x) { long a = boom(x); return a; }");
        Exception e = assertThrows(Exception.class, () -> eval("wf(5)"));
        assertTrue(e.getMessage().contains("wf/a"), e.getMessage());
        assertTrue(e.getMessage().contains("too big: 5"), e.getMessage());
        assertEquals(1L, eval("wf(1)"));
    }

    @Test
    void flyteRunShowListsAndLaunchPlans() throws Exception {
        magics.task(ctx, "--cache v1", "long addOne(long x) { return x + 1; }");
        magics.workflow(ctx, "", """
                long pipeline(long x, String label, List<Long> xs) {
                    long a = addOne(x);
                    return a;
                }
                """);
        magics.flyte(ctx, "run pipeline --x 3 --label 'a b' --xs [1,2]");
        String out = text(lastView());
        assertTrue(out.contains("o0 = 4"), out);
        magics.flyte(ctx, "run pipeline --x 3 --label 'a b' --xs [1,2]");
        out = text(lastView());
        assertTrue(out.contains("cached"), out);
        assertTrue(out.contains("0 nodes ran, 1 from cache"), out);

        assertTrue(text(magics.flyte(ctx, "show addOne")).contains("x: INTEGER -> o0: INTEGER"));
        Stacked pipeline = (Stacked) magics.flyte(ctx, "show pipeline");
        assertTrue(((DagSvg) pipeline.parts().get(0)).svg().contains("addOne"));
        String code = text(pipeline.parts().get(1));
        assertTrue(code.contains("Code of workflow [pipeline]") && code.contains("task body") && code.contains("addOne(long)"), code);
        assertTrue(text(magics.flyte(ctx, "tasks")).contains("addOne  addOne(...)  x: INTEGER -> o0: INTEGER  v1"));
        assertTrue(text(magics.flyte(ctx, "workflows")).contains("pipeline"));

        Exception bad = assertThrows(Exception.class, () -> magics.flyte(ctx, "run pipeline --x three --label a --xs []"));
        assertEquals("--x: expected a whole number like 3, got [three] for input [x] of workflow [pipeline]", bad.getMessage());
        Exception missing = assertThrows(Exception.class, () -> magics.flyte(ctx, "run pipeline --x 1"));
        assertEquals("%flyte run pipeline: missing --label (text), --xs (a JSON list like [1, 2] "
                + "(java.util.List<java.lang.Long>))", missing.getMessage());

        magics.flyte(ctx, "launchplan nightly pipeline --fixed label=nightly --default xs=[5] --schedule '0 3 * * *'");
        assertEquals(8L, eval("nightly(7, List.of())"));
        assertEquals(eval("nightly(7, List.of(5L))"), eval("nightly(7)"), "an input with a default may be left out");
        magics.flyte(ctx, "launchplan nightly pipeline --fixed label=nightly");
        assertThrows(Exception.class, () -> eval("nightly(7)"), "without the default, the short form is gone");
        assertEquals(8L, eval("nightly(7, List.of())"));
        magics.launchPlanCell(ctx, "weekly pipeline", "--fixed label=weekly\n--fixed xs=[1]\n");
        assertEquals(2L, eval("weekly(1)"));
        assertTrue(text(magics.flyte(ctx, "launchplans")).contains("nightly"));
        Displayable shown = (Displayable) magics.flyte(ctx, "show weekly");
        assertTrue(text(shown).startsWith("launch plan weekly\n  x: INTEGER -> o0: INTEGER\n  workflow: pipeline\n  fixed label: weekly"),
                text(shown));
        assertTrue(shown.mimeBundle().get("text/html").contains("<svg"), "the card sits above the workflow's DAG");
        assertTrue(text(magics.flyte(ctx, "show addOne")).contains("cache: v1"), "the same card as the declaration");
    }

    @Test
    void workflowDecoratorsSetupTeardownAndRetries() throws Exception {
        magics.start(ctx);
        eval("List<String> seen = Collections.synchronizedList(new ArrayList<>());");
        eval("TaskDecorator audit = (call, next) -> { seen.add(call.taskName()); return next.run(call); };");
        eval("int[] tries = {0};");
        magics.task(ctx, "", "void init() { seen.add(\"init ran\"); }");
        magics.task(ctx, "", "void cleanup() { seen.add(\"cleanup ran\"); }");
        magics.task(ctx, "--retries 2", "long flaky(long x) { if (++tries[0] < 2) throw new IllegalStateException(\"flake\"); return x; }");
        DagSvg dag = (DagSvg) magics.workflow(ctx, "--setup init --teardown cleanup --decorators audit",
                "long wf(long x) { long a = flaky(x); return a; }");
        assertTrue(dag.svg().contains("data-id=\"setup-init\"") && dag.svg().contains("data-id=\"teardown-cleanup\""));
        assertEquals(7L, eval("wf(7)"));
        List<?> seen = (List<?>) eval("seen");
        assertEquals("init ran", seen.get(1), seen.toString());
        assertEquals("cleanup ran", seen.get(seen.size() - 1), seen.toString());
        assertTrue(seen.contains("flaky") && seen.contains("init") && seen.contains("cleanup"), "workflow decorators wrap every task: " + seen);
        String last = text(lastView());
        assertTrue(last.matches("(?s).*\\na +succeeded +\\d+ ms +2 .*"), "attempt 2 shown: " + last);
    }

    @Test
    void subworkflowAndLaunchPlanNodes() throws Exception {
        magics.task(ctx, "", "long addOne(long x) { return x + 1; }");
        magics.workflow(ctx, "", "long inner(long x, long y) { long a = addOne(x); return a; }");
        magics.flyte(ctx, "launchplan innerLp inner --fixed y=0");
        DagSvg dag = (DagSvg) magics.workflow(ctx, "", """
                long outer(long x) {
                    long a = inner(x, 5);
                    long b = innerLp(a);
                    return b;
                }
                """);
        assertTrue(dag.svg().contains("class=\"node subworkflow\" data-id=\"a\""), dag.svg());
        assertTrue(dag.svg().contains("class=\"node launch_plan\" data-id=\"b\""), dag.svg());
        assertEquals(3L, eval("outer(1)"));
        CellSyntaxException arity = assertThrows(CellSyntaxException.class, () -> magics.workflow(ctx, "",
                "long bad(long x) {\n  long a = innerLp(x, 1);\n  return a;\n}"));
        assertEquals("line 3, column 12: launch plan [innerLp] takes 1 input [x] but the call passes 2", arity.getMessage());
    }

    @Test
    void badOptionValue() throws Exception {
        Exception e = assertThrows(Exception.class, () -> magics.task(ctx, "--timeout abc", "long f(long x) { return x; }"));
        assertTrue(e.getMessage().startsWith("%%task --timeout: expected a duration like 30s, 5m or PT5M, got [abc]"), e.getMessage());
    }

    private RunView lastView() {
        JShellMagicContext.Shown run = ctx.displays().get(ctx.displays().size() - 1);
        return (RunView) run.values().get(run.values().size() - 1);
    }
}
