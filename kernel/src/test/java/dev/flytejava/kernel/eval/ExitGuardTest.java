package dev.flytejava.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import dev.flytejava.kernel.magics.TestJars;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exit calls in cells and in classes of added jars and folders are blocked in a real session in this JVM
 * (an unguarded one would end the test JVM), and the session goes on.
 */
class ExitGuardTest {

    private static final String QUITTER = "package demo; public class %s {"
            + " public static String quit(int status) { System.exit(status); return \"still here\"; }"
            + " public static void halt() { Runtime.getRuntime().halt(9); } }";

    private static JShellSession session;

    @BeforeAll
    static void start() {
        session = JShellSession.start(ExitGuardTest.class.getClassLoader());
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    @Test
    void aCellsExitCallIsBlocked() {
        assertBlocked("System.exit(3)", "System.exit(3);");
        assertBlocked("Runtime.halt(1)", "Runtime.getRuntime().halt(1);");
        assertBlocked("System.exit(4)", "void leave() { System.exit(4); }\nleave();");
        assertEquals(42, session.eval("6 * 7", 1).orElseThrow().object());
    }

    @Test
    void anAddedJarsExitCallIsBlocked(@TempDir Path dir) throws Exception {
        session.addToClasspath(List.of(TestJars.jarWithSource(dir.resolve("q.jar"), "JarQuitter", QUITTER.formatted("JarQuitter"))));
        assertBlocked("System.exit(5)", "demo.JarQuitter.quit(5)");
        assertBlocked("Runtime.halt(9)", "demo.JarQuitter.halt()");
        assertEquals(Package.class, session.eval("demo.JarQuitter.class.getPackage().getClass()", 1).orElseThrow().object());
    }

    @Test
    void anAddedFoldersExitCallIsBlocked(@TempDir Path dir) throws Exception {
        session.addToClasspath(List.of(TestJars.compile(dir, "FolderQuitter", QUITTER.formatted("FolderQuitter"))));
        assertBlocked("System.exit(6)", "demo.FolderQuitter.quit(6)");
        assertEquals("flyte-java-session", session.eval("demo.FolderQuitter.class.getClassLoader().getName()", 1).orElseThrow().object());
    }

    private static void assertBlocked(String call, String cell) {
        CellFailure f = assertThrows(CellFailure.class, () -> session.eval(cell, 1));
        assertEquals("SystemExit", f.ename(), f.toString());
        assertEquals(call + " was blocked: it would end the kernel; use Kernel > Restart", f.evalue());
    }
}
