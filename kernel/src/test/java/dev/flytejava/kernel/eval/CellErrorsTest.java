package dev.flytejava.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class CellErrorsTest {

    @Test
    void compileErrorsSayLineAndColumnAndPointAtTheSource() {
        CellErrors.Diagnostic d = JShellSession.diagnosticAt("int a = 1;\nint b = a + missing;\n", 1, 23,
                "cannot find symbol\n  symbol:   variable missing\n  location: class ");
        assertEquals(new CellErrors.Diagnostic(2, 13, d.message(), "int b = a + missing;"), d);
        CellFailure f = CellErrors.compileError(List.of(d));
        assertEquals("CompilationError", f.ename());
        assertEquals("line 2, column 13: cannot find symbol", f.evalue());
        assertEquals(List.of("line 2, column 13: cannot find symbol\n  symbol:   variable missing",
                "    int b = a + missing;", "                ^"), f.traceback());
    }

    @Test
    void diagnosticsOfLaterSegmentsCountFromTheirFirstLine() {
        assertEquals(5, JShellSession.diagnosticAt("x\ny", 4, 2, "m").line());
    }

    @Test
    void exceptionsKeepFramesDownToTheLastCellFrame() {
        Exception e = new IllegalStateException("broken [REPL.$JShell$12.value]");
        e.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("java.util.Objects", "requireNonNull", "Objects.java", 10),
                new StackTraceElement("REPL.$JShell$12", "check", "#12", 3),
                new StackTraceElement("REPL.$JShell$13", "do_it$", "#13", 1),
                new StackTraceElement("jdk.internal.reflect.NativeMethodAccessorImpl", "invoke0", null, -2),
                new StackTraceElement("dev.flytejava.kernel.eval.SessionExecutionControl", "invoke", "S.java", 5)});
        CellFailure f = CellErrors.exception(e);
        assertEquals("java.lang.IllegalStateException", f.ename());
        assertEquals("broken [value]", f.evalue());
        assertEquals(List.of("java.lang.IllegalStateException: broken [value]",
                "\tat java.util.Objects.requireNonNull(Objects.java:10)",
                "\tat check(cell code)",
                "\tat cell(cell code)"), f.traceback());
    }

    @Test
    void causesAreListed() {
        Exception e = new RuntimeException("outer", new java.io.IOException("inner"));
        e.setStackTrace(new StackTraceElement[0]);
        e.getCause().setStackTrace(new StackTraceElement[0]);
        assertEquals(List.of("java.lang.RuntimeException: outer", "Caused by: java.io.IOException: inner"),
                CellErrors.exception(e).traceback());
    }
}
