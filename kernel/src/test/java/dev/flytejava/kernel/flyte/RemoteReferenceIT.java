package dev.flytejava.kernel.flyte;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.testkit.admin.TestAdmin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, acceptance 4: flytekit registers a Python task (a dataclass in and out) and a workflow on the testkit; a
 * Java workflow calls the task through {@code %flyte reference task}, another the workflow's launch plan through
 * {@code %flyte reference launchplan}, and both run remotely there, the Java tasks through our entrypoint and
 * the Python one through {@code pyflyte-fast-execute}. The Python task reads the Java record as its dataclass, the
 * Java task reads the dataclass it returns as the record.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteReferenceIT extends FlyteKernelCase {
    private RunningTestkit testkit;
    private TestAdmin admin;
    private List<Cell> cells;

    private static final String REFERENCE = "%flyte reference task mixed_tasks.shift_point --version v1"
            + " --signature \"Point shiftPoint(Point p, long by)\"";
    private static final String PLAN = "%flyte reference launchplan mixed_tasks.shift_twice --version v1"
            + " --signature \"Point shiftTwice(Point p, long by)\"";
    private static final List<String> SOURCES = List.of(
            "record Point(long x, long y) {}",
            REFERENCE,
            "%flyte reference task mixed_tasks.shift_point --version v1 --signature \"Point shiftPoint(Point p, String by)\"",
            "%flyte reference task mixed_tasks.shift_point --version v1",
            "%%task\nPoint origin(long x) {\n    return new Point(x, 2 * x);\n}",
            "%%task\nlong norm(Point p) {\n    return Math.abs(p.x()) + Math.abs(p.y());\n}",
            "%%workflow\nlong mixed(long x, long by) {\n    Point p = origin(x);\n    Point q = shiftPoint(p, by);\n"
                    + "    long n = norm(q);\n    return n;\n}",
            "%flyte run mixed --x 3 --by 10",
            "%flyte run mixed --remote --wait --x 3 --by 10",
            PLAN,
            "%flyte reference launchplan mixed_tasks.shift_twice --version v2",
            "%%workflow\nlong viaPlan(long x, long by) {\n    Point p = origin(x);\n    Point q = shiftTwice(p, by);\n"
                    + "    long n = norm(q);\n    return n;\n}",
            "%flyte run viaPlan --x 3 --by 10",
            "%flyte run viaPlan --remote --wait --x 3 --by 10");

    @BeforeAll
    void registerThePythonTaskAndRunTheCells(@TempDir Path work) throws Exception {
        testkit = RunningTestkit.start(work, true);
        admin = testkit.admin();

        Path python = Files.createDirectories(work.resolve("python"));
        for (String f : List.of("mixed_tasks.py", "register_reference.py")) {
            Files.copy(PYTHON_DIR.resolve("reference").resolve(f), python.resolve(f));
        }
        Result registered = run(List.of(FlytePython.path().toString(), python.resolve("register_reference.py").toString(),
                admin.hostAndPort(), "v1"), null, Map.of("HOME", work.toString()), 300);
        assertEquals(0, registered.exit(), registered.stdout() + registered.stderr());
        assertTrue(registered.stdout().contains("RESULT registered=mixed_tasks.shift_point:v1"), registered.stdout());
        assertTrue(registered.stdout().contains("RESULT registered=mixed_tasks.shift_twice:v1"), registered.stdout());

        List<String> sources = new ArrayList<>();
        sources.add(testkit.configCell());
        sources.addAll(SOURCES);
        cells = runCells(sources, work.resolve("cache")).subList(1, sources.size());
    }

    @AfterAll
    void stop() throws Exception {
        if (testkit != null) testkit.close();
    }

    private Cell ran(String source) {
        return cells.get(SOURCES.indexOf(source));
    }

    @Test
    void theReferenceIsDeclaredFromItsRegisteredInterfaceAndAMismatchIsNamed() {
        Cell declared = ran(REFERENCE);
        assertTrue(declared.ok(), declared.toString());
        assertTrue(declared.result().contains("shiftPoint") || declared.resultMime("text/html").contains("shiftPoint"),
                declared.toString());
        Cell wrong = ran("%flyte reference task mixed_tasks.shift_point --version v1 --signature \"Point shiftPoint(Point p, String by)\"");
        assertFalse(wrong.ok());
        assertTrue(wrong.error().contains("input [by] is INTEGER there but STRING here"), wrong.error());
        Cell derived = ran("%flyte reference task mixed_tasks.shift_point --version v1");
        assertFalse(derived.ok());
        assertTrue(derived.error().contains("output o0 is STRUCT(Point)") && derived.error().contains("give --signature"), derived.error());
    }

    @Test
    void locallyTheReferenceSaysItRunsOnlyRemotely() {
        Cell local = ran("%flyte run mixed --x 3 --by 10");
        assertFalse(local.ok());
        assertTrue(local.error().contains("reference task flytesnacks:development:mixed_tasks.shift_point:v1 runs only remotely"),
                local.error());
    }

    @Test
    void theJavaWorkflowRunsThePythonTaskRemotelyAndEachSideReadsTheOthersRecord() {
        Cell remote = ran("%flyte run mixed --remote --wait --x 3 --by 10");
        assertTrue(remote.ok(), remote + " " + remote.messages());
        String last = remote.lastUpdate();
        assertTrue(last.contains("mixed succeeded remotely"), last);
        // origin(3) = (3, 6) in Java; shift_point by 10 in Python = (13, 16); norm in Java = 29
        assertTrue(last.contains("o0 = 29"), last);
    }

    @Test
    void aJavaWorkflowRunsThePythonWorkflowsLaunchPlanThroughItsReference() {
        Cell declared = ran(PLAN);
        assertTrue(declared.ok(), declared.toString());
        assertTrue(declared.result().contains("launch plan shiftTwice"), declared.result());
        assertTrue(declared.result().contains("reference: flytesnacks:development:mixed_tasks.shift_twice:v1"), declared.result());
        Cell missing = ran("%flyte reference launchplan mixed_tasks.shift_twice --version v2");
        assertFalse(missing.ok());
        assertTrue(missing.error().contains("NOT_FOUND"), missing.error());

        Cell local = ran("%flyte run viaPlan --x 3 --by 10");
        assertFalse(local.ok());
        assertTrue(local.error().contains("reference launch plan flytesnacks:development:mixed_tasks.shift_twice:v1 runs only remotely"),
                local.error());

        Cell remote = ran("%flyte run viaPlan --remote --wait --x 3 --by 10");
        assertTrue(remote.ok(), remote + " " + remote.messages());
        String last = remote.lastUpdate();
        assertTrue(last.contains("viaPlan succeeded remotely"), last);
        // origin(3) = (3, 6) in Java; shift_twice by 10 in Python = (23, 26); norm in Java = 49
        assertTrue(last.contains("o0 = 49"), last);
    }
}
