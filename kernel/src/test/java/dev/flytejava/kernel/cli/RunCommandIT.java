package dev.flytejava.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.flytejava.kernel.KernelCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flyte-java run NOTEBOOK [NAME] [--input k=v]...} from the shaded jar, as a user runs it. */
class RunCommandIT extends KernelCase {
    private static final Path NOTEBOOKS = MODULE.resolve("../notebooks").normalize();
    private static final Path FIXTURES = MODULE.resolve("src/test/resources/notebooks");

    @TempDir
    Path work;

    /** {@code flyte-java run ARGS} started in a temp folder, so what a notebook writes (a package) lands there. */
    private Result flyteJava(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", work.toString(),
                KERNEL_JDK.resolve("bin/java").toString(), "-jar", JAR.toString(), "run"));
        command.addAll(List.of(args));
        return run(command, null, Map.of("FLYTE_JAVA_CACHE_DIR", work.resolve("cache").toString(),
                "FLYTE_JAVA_HOME", MODULE.resolve("..").normalize().toString(),
                "FLYTE_JAVA_PYTHON", dev.flytejava.kernel.flyte.FlytePython.path().toString()), 300);
    }

    @Test
    void runsTheExtendingTutorialsNamedWorkflow() throws Exception {
        Result r = flyteJava(NOTEBOOKS.resolve("02-extending-flyte.ipynb").toString(), "coordinatesBetween",
                "--input", "num=4", "--input", "xMin=0.5", "--input", "xMax=1");
        assertEquals(0, r.exit(), r.stderr());
        assertTrue(r.stdout().contains("coordinatesBetween succeeded in"), r.stdout());
        assertTrue(r.stdout().contains("o0 = [Coordinate[x=0.5, y=0.5], Coordinate[x=0.75, y=0.25]]\n"), r.stdout());
    }

    @Test
    void runsTheProductionTutorialsWorkflowWithInputs() throws Exception {
        Result r = flyteJava(NOTEBOOKS.resolve("03-to-production.ipynb").toString(), "wordStats",
                "--input", "text=to be or not to be", "--input", "minCount=2");
        assertEquals(0, r.exit(), r.stderr());
        assertTrue(r.stdout().contains("wordStats succeeded in"), r.stdout());
        assertTrue(r.stdout().matches("(?s).*o0 = .*be.*2.*to.*2.*"), r.stdout());
        assertTrue(!r.stdout().contains("not"), "minCount=2 drops [not] and [or]: " + r.stdout());
        assertTrue(java.nio.file.Files.isRegularFile(work.resolve("wordStats.tgz")), "the package cell ran in the working folder");
    }

    @Test
    void runsTheProductionTutorialsWorkflowRemotelyOnTheTestkitWithTheLocalOutputs() throws Exception {
        try (dev.flytejava.kernel.flyte.RunningTestkit testkit = dev.flytejava.kernel.flyte.RunningTestkit.start(work, false)) {
            dev.flytejava.testkit.admin.TestAdmin admin = testkit.admin();
            Path config = java.nio.file.Files.writeString(work.resolve("config.yaml"),
                    "admin:\n  endpoint: " + admin.endpoint() + "\n  insecure: true\n");
            Result r = flyteJava(NOTEBOOKS.resolve("03-to-production.ipynb").toString(), "wordStats", "--remote", "--wait",
                    "--config", config.toString(), "--input", "text=to be or not to be", "--input", "minCount=2");
            assertEquals(0, r.exit(), r.stderr());
            assertTrue(r.stdout().contains("Registered wordStats in flytesnacks/development"), r.stdout());
            assertTrue(r.stdout().contains("wordStats succeeded remotely in"), r.stdout());
            assertTrue(r.stdout().matches("(?s).*o0 = .*be.*2.*to.*2.*"), r.stdout());
            assertTrue(!r.stdout().contains("not"), "minCount=2 drops [not] and [or]: " + r.stdout());
        }
    }

    @Test
    void runsTheTutorialWorkflowAndPrintsItsOutputs() throws Exception {
        Result r = flyteJava(NOTEBOOKS.resolve("01-getting-started.ipynb").toString(), "pipeline",
                "--input", "x=3", "--input", "xs=[1,2,3]");
        assertEquals(0, r.exit(), r.stderr());
        assertTrue(r.stdout().contains("pipeline succeeded in"), r.stdout());
        assertTrue(r.stdout().contains("o0 = 32"), r.stdout());
        assertTrue(r.stderr().contains("task addOne"), "cell output goes to stderr: " + r.stderr());
    }

    @Test
    void aNotebookWithoutWorkflowsRunsItsCells() throws Exception {
        Result r = flyteJava(NOTEBOOKS.resolve("00-java-basics.ipynb").toString());
        assertEquals(0, r.exit(), "display(...) and updateDisplay(...) work headless too: " + r.stderr());
        assertTrue(r.stderr().contains("line 2"), r.stderr());
    }

    @Test
    void severalWorkflowsWithoutANameIsAUsageErrorListingThem() throws Exception {
        Result r = flyteJava(FIXTURES.resolve("all-constructs.ipynb").toString());
        assertEquals(2, r.exit(), r.stderr());
        assertTrue(r.stderr().contains("name the one to run"), r.stderr());
    }

    @Test
    void aFailingCellExitsNonZeroNamingIt() throws Exception {
        Result r = flyteJava(FIXTURES.resolve("failing-cell.ipynb").toString());
        assertEquals(1, r.exit(), r.stdout() + r.stderr());
        assertTrue(r.stderr().contains("Cell [1] (// a cell that does not compile) failed"), r.stderr());
        assertTrue(r.stderr().contains("line 2, column 9: cannot find symbol"), r.stderr());
    }

    @Test
    void aFailingNodeExitsNonZeroNamingIt() throws Exception {
        Result r = flyteJava(FIXTURES.resolve("failing-node.ipynb").toString(), "--input", "x=6");
        assertEquals(1, r.exit(), r.stdout() + r.stderr());
        assertTrue(r.stderr().contains("Node [halve/half_1] (task [half]) failed on attempt [1/1]: odd input 3"), r.stderr());
    }

    @Test
    void badInputsAndRemoteOptionsWithoutRemoteAreUsageErrors() throws Exception {
        Path nb = FIXTURES.resolve("failing-node.ipynb");
        Result noEquals = flyteJava(nb.toString(), "--input", "x");
        assertEquals(2, noEquals.exit());
        assertTrue(noEquals.stderr().contains("--input [x]: write it as NAME=VALUE"), noEquals.stderr());
        Result unknown = flyteJava(nb.toString(), "--input", "y=1");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.stderr().contains("has no input [y]"), unknown.stderr());
        Result waitAlone = flyteJava(nb.toString(), "--wait");
        assertEquals(2, waitAlone.exit());
        assertTrue(waitAlone.stderr().contains("--wait, --config, --project and --domain go with --remote"), waitAlone.stderr());
    }
}
