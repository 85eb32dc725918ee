package dev.flytejava.kernel.cell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.flytejava.kernel.eval.CellFailure;
import dev.flytejava.kernel.eval.JShellSession;
import dev.flytejava.magics.MagicContext;
import dev.flytejava.magics.MagicRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Magic dispatch over a real JShell session and the ServiceLoader-found test magics, without Jupyter. */
class CellRunnerTest {

    private static JShellSession session;
    private static MagicRegistry registry;
    private static CellRunner runner;
    private static final List<String> problems = new ArrayList<>();

    @BeforeAll
    static void start() {
        session = JShellSession.start(CellRunnerTest.class.getClassLoader());
        registry = MagicProviders.load(CellRunnerTest.class.getClassLoader(), problems::add).registry();
        runner = new CellRunner(() -> session, () -> registry, new Context());
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    @Test
    void providersAreFoundWithServiceLoader() {
        assertEquals(List.of(), problems);
        assertTrue(registry.lineMagic("echo").isPresent());
        assertTrue(registry.cellMagic("upper").isPresent());
    }

    @Test
    void lineMagicsRunInOrderWithTheJavaAroundThem() {
        assertEquals(Optional.of(42), value("int n = 21;\n%double n\n"));
        assertEquals(Optional.of(22), value("int m = 21;\n%echo ignored\nm + 1"));
    }

    @Test
    void aMagicsValueIsTheCellsResult() {
        assertEquals(Optional.of("hello world"), value("%echo hello world"));
        assertEquals(Optional.of("SHOUT"), value("%%upper\nshout\n"));
    }

    @Test
    void unknownMagicsListTheKnownOnes() {
        CellFailure f = assertThrows(CellFailure.class, () -> runner.run("%nope"));
        // other providers on the class path (the kernel's general magics) may add names of their own
        assertTrue(f.evalue().startsWith("Unknown magic [%nope]; known magics: "), f.evalue());
        for (String name : List.of("%boom", "%double", "%echo", "%%upper")) assertTrue(f.evalue().contains(name), f.evalue());
    }

    @Test
    void aCellMagicBelowTheFirstLineIsAnErrorThatSaysWhere() {
        CellFailure f = assertThrows(CellFailure.class, () -> runner.run("\n%%upper\nshout"));
        assertEquals("MisplacedCellMagic", f.ename());
        assertTrue(f.evalue().startsWith("Cell magic [%%upper] is on cell line 2; a cell magic must be the first line"), f.evalue());
    }

    @Test
    void usageErrorsShowTheMessageOnlyAndUnexpectedOnesTheTrace() {
        CellFailure usage = assertThrows(CellFailure.class, () -> runner.run("%double nothing"));
        assertEquals("in magic [%double]: no variable [nothing]", usage.evalue());
        assertEquals(1, usage.traceback().size());
        CellFailure unexpected = assertThrows(CellFailure.class, () -> runner.run("%boom"));
        assertEquals("java.io.IOException", unexpected.ename());
        assertTrue(unexpected.traceback().size() > 1, unexpected.traceback().toString());
    }

    @Test
    void declarationsSurviveAFailingCell() {
        runner.run("int kept = 5;");
        assertThrows(CellFailure.class, () -> runner.run("%boom"));
        assertEquals(Optional.of(5), value("kept"));
    }

    private static Optional<Object> value(String cell) {
        return runner.run(cell).map(CellRunner.Shown::value);
    }

    /** The context magics see, over the same session. */
    private static final class Context implements MagicContext {
        public PrintStream out() { return System.out; }
        public PrintStream err() { return System.err; }
        public Object eval(String javaSource) { return session.eval(javaSource, 1).map(JShellSession.Value::object).orElse(null); }
        public Optional<Object> variable(String name) { return session.variable(name); }
        public boolean dropMethod(String name, String parameterTypes) { return session.dropMethod(name, parameterTypes); }
        public void addToClasspath(List<Path> paths) { session.addToClasspath(paths); }
        public ClassLoader classLoader() { return session.classLoader(); }
        public dev.flytejava.magics.code.NotebookCode code() { return session.code(); }
        public String display(Object value) { throw new UnsupportedOperationException(); }
        public void updateDisplay(String displayId, Object value) { throw new UnsupportedOperationException(); }
        public void page(String text) { throw new UnsupportedOperationException(); }
        public Path workingDirectory() { return Path.of(""); }
        public MagicRegistry magics() { return registry; }
    }
}
