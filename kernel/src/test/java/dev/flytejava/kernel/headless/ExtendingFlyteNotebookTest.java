package dev.flytejava.kernel.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Runs {@code notebooks/02-extending-flyte.ipynb} headless, as {@code flyte-java run} does, and checks what each
 * section promises: records between tasks, a transformer for a new type, decorators (before/after, stacked,
 * autolog), a workflow's setup and teardown, and plugin tasks. (NotebookIT runs it through nbconvert, NotebookSpecsTest packages it.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtendingFlyteNotebookTest {
    static final Path NOTEBOOK = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
            .resolve("../notebooks/02-extending-flyte.ipynb").normalize();

    /** A cell's value as text when it ran (a list a later cell changes must not change it), and what it showed. */
    private record Ran(String value, String shown) {}

    private final Map<String, Ran> byTag = new LinkedHashMap<>();
    private HeadlessSession session;

    @BeforeAll
    void runNotebook() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream logStream = new PrintStream(log, true, StandardCharsets.UTF_8);
        session = HeadlessSession.start(logStream, logStream);
        for (NotebookCells.Cell cell : NotebookCells.read(NOTEBOOK)) {
            ByteArrayOutputStream shown = new ByteArrayOutputStream();
            Object value;
            try (HeadlessSession.Capture c = session.capture(new PrintStream(shown, true, StandardCharsets.UTF_8))) {
                value = session.run(cell).orElse(null);
            } catch (CellFailedException e) {
                throw new AssertionError(e.getMessage() + "\n" + log.toString(StandardCharsets.UTF_8), e);
            }
            for (String tag : cell.tags()) byTag.put(tag, new Ran(String.valueOf(value), shown.toString(StandardCharsets.UTF_8)));
        }
    }

    @AfterAll
    void close() {
        if (session != null) session.close();
    }

    private Ran tagged(String tag) {
        Ran r = byTag.get(tag);
        if (r == null) throw new AssertionError("no cell tagged [" + tag + "] in " + NOTEBOOK);
        return r;
    }

    @Test
    void coordinatesTravelAsRecordsBetweenTasks() {
        assertTrue(tagged("task-generate").shown().contains("num: INTEGER -> o0: LIST<STRUCT(Coordinate)>"), tagged("task-generate").shown());
        assertTrue(tagged("task-subset").shown().contains("coordinates: LIST<STRUCT(Coordinate)>, xMin: FLOAT, xMax: FLOAT"),
                tagged("task-subset").shown());
        assertTrue(tagged("workflow-coordinates").shown().contains("coordinatesBetween"), tagged("workflow-coordinates").shown());
        Ran run = tagged("run-coordinates");
        assertEquals("[Coordinate[x=0.2, y=0.8], Coordinate[x=0.3, y=0.7], Coordinate[x=0.4, y=0.6], Coordinate[x=0.5, y=0.5]]",
                String.valueOf(run.value()));
        assertTrue(run.shown().contains("coordinatesBetween succeeded in"), run.shown());
    }

    @Test
    void aNewTypeTravelsAsAFloatThroughItsTransformer() {
        assertTrue(tagged("task-warmer").shown().contains("t: FLOAT, by: FLOAT -> o0: FLOAT"), tagged("task-warmer").shown());
        assertEquals("21.5 C", String.valueOf(tagged("call-warmer").value()));
    }

    @Test
    void decoratorsWrapTasksInOrder() {
        assertEquals("[before addOne {x=41}, after addOne -> 42]", tagged("call-addOne").value());
        assertEquals("[outer enters, before addTwo {x=1}, after addTwo -> 3, outer leaves]", String.valueOf(tagged("call-addTwo").value()));
        assertEquals("[mean {xs=[1.0, 2.0, 6.0]} -> 3.0]", String.valueOf(tagged("call-mean").value()));
    }

    @Test
    void pluginTasksAreOrdinaryTasks() {
        assertEquals("42", tagged("plugin-container-call").value(), "the container task's command computed the area");
        assertEquals("60", tagged("plugin-pod-call").value());
    }

    @Test
    void setupAndTeardownRunAroundTheWorkflow() {
        assertEquals("4", String.valueOf(tagged("run-guarded").value()));
        assertEquals("[opened, closed]", String.valueOf(tagged("lifecycle-after").value()));
        String tasks = tagged("flyte-tasks").shown();
        for (String t : new String[] {"generateCoordinates", "subsetCoordinates", "warmer", "addOne", "addTwo", "mean",
                "openConnection", "closeConnection", "area", "viaProxy"}) {
            assertTrue(tasks.contains("\n" + t + " "), t + " in " + tasks);
        }
    }
}
