package dev.flytejava.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Declarations that use names not declared yet: a note for plain cells, an error for code magics define. */
class JShellSessionTest {

    private static JShellSession session;

    @BeforeAll
    static void start() {
        session = JShellSession.start(JShellSessionTest.class.getClassLoader());
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    /** Meaningful on a kernel JDK newer than the image's (the jdk25 profile's kernel); on 17 it holds as is. */
    @Test
    void cellClassesAreClassFilesOfTheRuntimeImagesJava() {
        session.eval("long releaseProbe() { return 1; }", 1);
        String className = session.code().className(dev.flytejava.magics.code.CodeRoot.method("releaseProbe", "")).orElseThrow();
        byte[] bytes = session.code().closure(java.util.List.of(dev.flytejava.magics.code.CodeRoot.method("releaseProbe", "")))
                .classes().get(className);
        int major = ((bytes[6] & 0xff) << 8) | (bytes[7] & 0xff);
        assertEquals(44 + JShellSession.RUNTIME_IMAGE_JAVA, major, "class file major version of " + className);
    }

    @Test
    void aPlainCellGetsANoteAndTheCallSaysWhatIsMissing() {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            session.eval("long early() { return notYet; }", 1);
        } finally {
            System.setErr(err);
        }
        assertEquals("Note: method early() cannot be used until variable notYet is declared",
                captured.toString(StandardCharsets.UTF_8).strip());
        CellFailure call = assertThrows(CellFailure.class, () -> session.eval("early()", 1));
        assertEquals("UnresolvedReference", call.ename());
        assertTrue(call.evalue().endsWith("uses [variable notYet], which is not declared yet"), call.evalue());
        session.eval("long notYet = 4;", 1);
        assertEquals(4L, session.eval("early()", 1).orElseThrow().object());
    }

    @Test
    void magicCodeUsingUndeclaredNamesIsRejectedWithTheirPositions() {
        CellFailure f = assertThrows(CellFailure.class, () -> session.eval(
                "\nlong task(long x) {\n    return x + nowhere + helper(x);\n}", 1, JShellSession.Unresolved.REJECT));
        assertEquals("CompilationError", f.ename());
        assertTrue(f.evalue().startsWith("line 3, column 16: cannot find symbol: variable nowhere is not declared; "
                + "declare it in an earlier cell"), f.evalue());
        assertTrue(String.join("\n", f.traceback()).contains("line 3, column 26: cannot find symbol: method helper(long)"),
                f.traceback().toString());
    }
}
