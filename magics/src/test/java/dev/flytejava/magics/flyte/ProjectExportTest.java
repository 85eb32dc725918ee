package dev.flytejava.magics.flyte;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.TextFormat;
import dev.flytejava.magics.flyte.export.UnexportableException;
import dev.flytejava.magics.flyte.render.Table;
import dev.flytejava.runtime.exec.DiskCache;
import dev.flytejava.runtime.exec.LocalExecutor;
import dev.flytejava.runtime.model.Workflow;
import dev.flytejava.runtime.types.TypeEngine;
import flyteidl.core.Literals.LiteralMap;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code %flyte export} over a real JShell: the exported sources compile on their own (javac with the runtime on the
 * class path, no session), and the exported workflows give the notebook's outputs on the notebook's inputs.
 */
class ProjectExportTest {
    @TempDir
    Path temp;

    private JShellMagicContext ctx;
    private FlyteMagics magics;

    @BeforeEach
    void start() throws Exception {
        ctx = new JShellMagicContext();
        magics = new FlyteMagics(temp.resolve("cache"));
        magics.start(ctx);
    }

    @AfterEach
    void stop() {
        magics.close();
        ctx.close();
    }

    @Test
    void branchMapSubworkflowRecordsAndDecoratorsExportAndGiveTheNotebooksOutputs() throws Exception {
        ctx.eval("record Point(long x, String label) {}");
        ctx.eval("long offset = 10;");
        ctx.eval("long shifted(long x) { return x + offset; }");
        ctx.eval("List<String> calls = new ArrayList<>();");
        ctx.eval("TaskDecorator counted = (call, next) -> { calls.add(call.taskName()); return next.run(call); };");
        magics.task(ctx, "--decorators counted --retries 1 --cache v1", "long addOne(long x) { return shifted(x) - offset + 1; }");
        magics.task(ctx, "--name scaleBy", "long scale(long x, long f) { return x * f; }");
        magics.task(ctx, "", "Point label(long x) { return new Point(x, \"p\" + x); }");
        magics.task(ctx, "", "long total(List<Long> xs) { return xs.stream().mapToLong(Long::longValue).sum(); }");
        magics.workflow(ctx, "", """
                long inner(long x) {
                    long a = addOne(x);
                    return scale(a, 3);
                }
                """);
        magics.workflow(ctx, "", """
                Point outer(long x, List<Long> xs) {
                    long a = inner(x);
                    List<Long> ys = map(addOne, xs);
                    long t = total(ys);
                    long c;
                    if (a > t) { c = scale(a, 2); } else { c = addOne(t); }
                    return label(c);
                }
                """);
        assertEquals("Point[x=18, label=p18]", ctx.eval("outer(2, List.of(1L, 2L))").toString()); // a=9 > 5: 9*2
        assertEquals("Point[x=15, label=p15]", ctx.eval("outer(1, List.of(5L, 7L))").toString()); // a=6 <= 14: 14+1

        Path project = temp.resolve("project");
        Table written = (Table) magics.flyte(ctx, "export --to '" + project + "' --package demo.flow --class Demo");
        List<String> files = written.rows().stream().map(r -> r.get(0)).toList();
        assertTrue(files.containsAll(List.of("pom.xml", "src/main/java/demo/flow/Demo.java", "src/main/java/demo/flow/DemoWorkflows.java",
                "src/main/resources/demo/flow/runs/outer.inputs.txtpb", "src/main/resources/demo/flow/runs/outer.outputs.txtpb",
                "src/test/java/demo/flow/DemoWorkflowsTest.java")), files.toString());
        assertFalse(files.contains("src/main/resources/demo/flow/runs/inner.inputs.txtpb"), "inner was not run on its own");
        String notebookCode = Files.readString(project.resolve("src/main/java/demo/flow/Demo.java"));
        assertTrue(notebookCode.contains("static long addOne(long x) {"), "a task's method keeps its own name:\n" + notebookCode);
        assertFalse(notebookCode.contains("__flyte_"), notebookCode);
        assertFalse(notebookCode.contains("FlyteNotebook"), "the magics' callers are not exported:\n" + notebookCode);

        Path classes = compile(project, temp.resolve("classes"));
        try (URLClassLoader loader = new URLClassLoader(new java.net.URL[] {classes.toUri().toURL(),
                project.resolve("src/main/resources").toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> workflows = loader.loadClass("demo.flow.DemoWorkflows");
            @SuppressWarnings("unchecked")
            Map<String, Workflow> all = (Map<String, Workflow>) field(workflows, "WORKFLOWS");
            assertEquals(List.of("inner", "outer"), all.keySet().stream().sorted().toList());
            Workflow outer = all.get("outer");
            assertEquals(List.of("a", "ys", "t", "c", "label_1"), outer.nodes().stream().map(n -> n.id()).toList().subList(0, 5),
                    "the same node ids as the notebook's workflow");
            TypeEngine engine = (TypeEngine) field(workflows, "ENGINE");
            @SuppressWarnings("unchecked")
            Map<String, Object> inputs = (Map<String, Object>) call(workflows, "notebookInputs", "outer");
            assertEquals(Map.of("x", 1L, "xs", List.of(5L, 7L)), inputs);
            try (LocalExecutor executor = LocalExecutor.builder(engine).cache(DiskCache.open(temp.resolve("cache2"))).build()) {
                Map<String, Object> outputs = executor.run(outer, inputs);
                LiteralMap expected = (LiteralMap) call(workflows, "notebookOutputs", "outer");
                Method literals = workflows.getDeclaredMethod("literals", List.class, Map.class);
                literals.setAccessible(true);
                LiteralMap actual = (LiteralMap) literals.invoke(null, outer.iface().outputs(), outputs);
                assertEquals(TextFormat.printer().printToString(expected), TextFormat.printer().printToString(actual));
                assertEquals("Point[x=15, label=p15]", outputs.get("o0").toString());
                assertEquals("Point[x=18, label=p18]", executor.run(outer, Map.of("x", 2L, "xs", List.of(1L, 2L))).get("o0").toString(),
                        "the other arm of the branch, as in the notebook");
            }
            Object calls = field(loader.loadClass("demo.flow.Demo"), "calls");
            assertTrue(calls.toString().contains("addOne"), "the exported task kept its decorator: " + calls);
        }
    }

    @Test
    void aFolderThatIsNeitherEmptyNorAnExportIsLeftAlone() throws Exception {
        magics.task(ctx, "", "long addOne(long x) { return x + 1; }");
        Path mine = Files.createDirectories(temp.resolve("mine"));
        Files.writeString(mine.resolve("pom.xml"), "<project/>");
        UnexportableException e = assertThrows(UnexportableException.class,
                () -> magics.flyte(ctx, "export --to '" + mine + "'"));
        assertTrue(e.getMessage().contains("--to [" + mine + "] is neither empty nor an earlier export"), e.getMessage());
        assertEquals("<project/>", Files.readString(mine.resolve("pom.xml")));

        Path again = temp.resolve("again");
        magics.flyte(ctx, "export --to '" + again + "'");
        magics.flyte(ctx, "export --to '" + again + "'"); // an earlier export is written over
        assertTrue(Files.isRegularFile(again.resolve("src/main/java/notebook/NotebookWorkflows.java")));
        assertEquals(4L, ctx.eval("addOne(3)"), "the session goes on");
    }

    @Test
    void aReferenceTaskInAWorkflowIsNamedAsTheReasonItCannotExport() throws Exception {
        magics.task(ctx, "--reference flytesnacks:development:py.double:v1", "long twice(long x) { return 0; }");
        magics.workflow(ctx, "", "long wf(long x) { return twice(x); }");
        UnexportableException e = assertThrows(UnexportableException.class,
                () -> magics.flyte(ctx, "export --to '" + temp.resolve("ref") + "'"));
        assertEquals("workflow [wf] runs task [twice], which is not exported: a reference task runs only on a cluster", e.getMessage());
        assertFalse(Files.exists(temp.resolve("ref")), "nothing is written when the export cannot be");
    }

    @Test
    void badClassOrPackageNamesAreNamed() throws Exception {
        UnexportableException e = assertThrows(UnexportableException.class,
                () -> magics.flyte(ctx, "export --to '" + temp.resolve("x") + "' --class lower"));
        assertTrue(e.getMessage().startsWith("--class [lower] is not a Java class name"), e.getMessage());
        e = assertThrows(UnexportableException.class, () -> magics.flyte(ctx, "export --to '" + temp.resolve("x") + "' --package Bad-Name"));
        assertTrue(e.getMessage().startsWith("--package [Bad-Name] is not a Java package name"), e.getMessage());
    }

    /** javac over the exported main and test sources, with only the test class path: no session, no magics needed. */
    private static Path compile(Path project, Path out) throws Exception {
        Files.createDirectories(out);
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(project.resolve("src"))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> sources.add(f.toString()));
        }
        List<String> args = new ArrayList<>(List.of("-parameters", "--release", "17", "-d", out.toString(),
                "-cp", System.getProperty("java.class.path")));
        args.addAll(sources);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter errors = new StringWriter();
        int status = javac.run(null, null, new java.io.PrintStream(new org.apache.commons.io.output.WriterOutputStream(errors,
                java.nio.charset.StandardCharsets.UTF_8), true), args.toArray(String[]::new));
        assertEquals(0, status, "the exported project does not compile:\n" + errors);
        return out;
    }

    private static Object field(Class<?> type, String name) throws Exception {
        var f = type.getDeclaredField(name);
        f.setAccessible(true);
        return f.get(null);
    }

    private static Object call(Class<?> type, String method, String arg) throws Exception {
        Method m = type.getDeclaredMethod(method, String.class);
        m.setAccessible(true);
        return m.invoke(null, arg);
    }
}
