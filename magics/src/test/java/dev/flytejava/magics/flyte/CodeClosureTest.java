package dev.flytejava.magics.flyte;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.magics.code.CodeRoot;
import dev.flytejava.runtime.code.CodeClosure;
import dev.flytejava.runtime.code.CodeSnippet;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closures computed by NotebookCode over a real JShell: what a root uses, transitively, and its hash. */
class CodeClosureTest {
    @TempDir
    Path tmp;

    private static CodeClosure closureOf(JShellMagicContext ctx, CodeRoot... roots) {
        return ctx.code().closure(List.of(roots));
    }

    private static List<String> described(CodeClosure c) {
        return c.snippets().stream().map(CodeSnippet::describe).toList();
    }

    @Test
    void followsTaskToHelperToRecordToEnumAndPicksTheRightOverload() throws Exception {
        try (JShellMagicContext ctx = new JShellMagicContext()) {
            ctx.eval("enum Level { LOW, HIGH }");
            ctx.eval("record Reading(Level level, long value) {}");
            ctx.eval("long weight(Reading r) { return r.level() == Level.HIGH ? 10 : 1; }");
            ctx.eval("long weight(String s) { return s.length(); }");
            ctx.eval("long unrelated(long x) { return -x; }");
            ctx.eval("long score(long v) { return v * weight(new Reading(Level.HIGH, v)); }");
            CodeClosure c = closureOf(ctx, CodeRoot.method("score", "long"));
            assertEquals(List.of("enum Level", "record Reading", "method weight(Reading)", "method score(long)"), described(c));
            assertTrue(c.classes().keySet().stream().anyMatch(n -> n.endsWith("$Reading")), c.classes().keySet().toString());
            assertTrue(c.classes().keySet().stream().anyMatch(n -> n.endsWith("$Level")), c.classes().keySet().toString());
            assertEquals(List.of(), c.jars());
        }
    }

    @Test
    void aDecoratorLambdaInAVariableTakesItsHelpers() throws Exception {
        try (JShellMagicContext ctx = new JShellMagicContext()) {
            ctx.eval("import dev.flytejava.runtime.model.TaskDecorator;");
            ctx.eval("List<String> log = new ArrayList<>();");
            ctx.eval("void note(String s) { log.add(s); }");
            ctx.eval("TaskDecorator audit = (call, next) -> { note(call.taskName()); return next.run(call); };");
            CodeClosure c = closureOf(ctx, CodeRoot.variable("audit"));
            assertEquals(List.of("import java.util.*", "import dev.flytejava.runtime.model.TaskDecorator", "variable log",
                    "method note(String)", "variable audit"), described(c));
        }
    }

    @Test
    void aClassFromAMavenJarIsAJarNotASnippet() throws Exception {
        Path jar = compileJar("demo/Greeter.java", "package demo; public class Greeter { public static String hi(String n) { return \"hi \" + n; } }");
        try (JShellMagicContext ctx = new JShellMagicContext()) {
            ctx.addToClasspath(List.of(jar));
            ctx.code().artifacts("%maven demo:greeter:1.0", Map.of(jar, "demo:greeter:1.0"));
            ctx.eval("String greet(String n) { return demo.Greeter.hi(n); }");
            ctx.eval("long plain(long x) { return x; }");
            CodeClosure c = closureOf(ctx, CodeRoot.method("greet", "String"));
            assertEquals(List.of("method greet(String)"), described(c));
            assertEquals(1, c.jars().size());
            assertEquals("demo:greeter:1.0", c.jars().get(0).coordinates());
            assertEquals(64, c.jars().get(0).sha256().length());
            assertEquals(List.of(), closureOf(ctx, CodeRoot.method("plain", "long")).jars(), "a method not using it ships no jar");
        }
    }

    @Test
    void theHashIsTheSameInAFreshSessionAndIgnoresCellsOutsideTheClosure() throws Exception {
        String a;
        String b;
        try (JShellMagicContext ctx = new JShellMagicContext()) {
            ctx.eval("record Box(long w) {}");
            ctx.eval("long unrelated() { return 1; }");
            ctx.eval("long area(Box b) { return b.w() * b.w(); }");
            a = closureOf(ctx, CodeRoot.method("area", "Box")).hash();
            ctx.eval("long alsoUnrelated() { return 2; }");
            ctx.eval("int x = 5;");
            assertEquals(a, closureOf(ctx, CodeRoot.method("area", "Box")).hash(), "cells outside the closure change nothing");
        }
        try (JShellMagicContext ctx = new JShellMagicContext()) {
            ctx.eval("import java.util.concurrent.atomic.AtomicLong;");
            ctx.eval("String other(String s) { return s; }");
            ctx.eval("record Box(long w) {}");
            ctx.eval("long area(Box b) { return b.w() * b.w(); }");
            b = closureOf(ctx, CodeRoot.method("area", "Box")).hash();
        }
        assertEquals(a, b, "same cells, other history: same hash");
    }

    @Test
    void editingAHelperOrAVariableChangesTheHashOfItsUsersOnly() throws Exception {
        try (JShellMagicContext ctx = new JShellMagicContext()) {
            ctx.eval("long factor() { return 10; }");
            ctx.eval("int offset = 1;");
            ctx.eval("long scaled(long x) { return x * factor(); }");
            ctx.eval("long shifted(long x) { return x + offset; }");
            String scaled = closureOf(ctx, CodeRoot.method("scaled", "long")).hash();
            String shifted = closureOf(ctx, CodeRoot.method("shifted", "long")).hash();

            ctx.eval("long factor() { return 100; }");
            assertNotEquals(scaled, closureOf(ctx, CodeRoot.method("scaled", "long")).hash());
            assertEquals(shifted, closureOf(ctx, CodeRoot.method("shifted", "long")).hash());

            ctx.eval("offset = 2;");
            CodeClosure now = closureOf(ctx, CodeRoot.method("shifted", "long"));
            assertNotEquals(shifted, now.hash(), "a variable read by value: an assignment changes the result, so the hash");
            assertEquals("2", now.snippets(CodeSnippet.Kind.VARIABLE).get(0).value());
        }
    }

    @Test
    void importsAreInTheClosureOnlyWhenItsClassesNeedThem() throws Exception {
        try (JShellMagicContext ctx = new JShellMagicContext()) {
            ctx.eval("import java.util.concurrent.atomic.AtomicLong;");
            ctx.eval("import java.util.concurrent.ConcurrentHashMap;");
            ctx.eval("long next(long x) { return new AtomicLong(x).incrementAndGet(); }");
            List<String> names = described(closureOf(ctx, CodeRoot.method("next", "long")));
            assertTrue(names.contains("import java.util.concurrent.atomic.AtomicLong"), names.toString());
            assertFalse(names.contains("import java.util.concurrent.ConcurrentHashMap"), names.toString());
        }
    }

    private Path compileJar(String path, String source) throws IOException {
        Path src = tmp.resolve("src").resolve(path);
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", classes.toString(), src.toString()));
        Path jar = tmp.resolve("greeter.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            Path cls = classes.resolve(path.replace(".java", ".class"));
            out.putNextEntry(new JarEntry(path.replace(".java", ".class")));
            Files.copy(cls, (OutputStream) out);
            out.closeEntry();
        }
        return jar;
    }
}
