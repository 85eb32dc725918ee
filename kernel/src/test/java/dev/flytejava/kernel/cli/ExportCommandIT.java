package dev.flytejava.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.kernel.KernelCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code flyte-java export NOTEBOOK --to DIR} from the shaded jar, as a user runs it: the project exported from the
 * extending tutorial builds offline ({@code mvn -o package}, from the local repository this build installed into) and
 * its tests, which run each workflow on the notebook's inputs, find the notebook's outputs.
 */
class ExportCommandIT extends KernelCase {
    private static final Path NOTEBOOKS = MODULE.resolve("../notebooks").normalize();

    @TempDir
    Path work;

    private Result flyteJava(String... args) {
        List<String> command = new ArrayList<>(List.of(KERNEL_JDK.resolve("bin/java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return run(command, null, Map.of("FLYTE_JAVA_CACHE_DIR", work.resolve("cache").toString()), 300);
    }

    /** Maven offline in {@code project}, on the JDK the kernel runs on. */
    private Result mavenOffline(Path project, String... goals) {
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", project.toString(), "mvn", "-o", "-B", "-q"));
        command.addAll(List.of(goals));
        return run(command, null, Map.of("JAVA_HOME", KERNEL_JDK.toString(), "FLYTE_JAVA_CACHE_DIR", work.resolve("cache").toString()), 600);
    }

    @Test
    void theExtendingTutorialExportsToAProjectThatBuildsOfflineAndReproducesItsOutputs() throws Exception {
        Path project = work.resolve("extending");
        Result export = flyteJava("export", NOTEBOOKS.resolve("02-extending-flyte.ipynb").toString(), "--to", project.toString());
        assertEquals(0, export.exit(), export.stderr());
        assertTrue(export.stdout().contains("src/main/java/notebook/ExtendingFlyte.java"), export.stdout());
        assertTrue(export.stdout().contains("checks coordinatesBetween, guarded against the notebook's outputs"), export.stdout());
        Path runs = project.resolve("src/main/resources/notebook/runs");
        // what the notebook's cells got: guarded(1) = 4, and coordinatesBetween(10, 0.2, 0.5) keeps 4 points
        assertTrue(Files.readString(runs.resolve("guarded.outputs.txtpb")).contains("integer: 4"));
        assertEquals(4, Files.readString(runs.resolve("coordinatesBetween.outputs.txtpb")).split("tag: \"msgpack\"", -1).length - 1);

        Result build = mavenOffline(project, "package");
        assertEquals(0, build.exit(), "the exported project does not build offline:\n" + build.stdout() + build.stderr());
        String report = Files.readString(project.resolve("target/surefire-reports/notebook.ExtendingFlyteWorkflowsTest.txt"));
        assertTrue(report.contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0"), report);

        Result main = mavenOffline(project, "exec:java", "-Dexec.args=coordinatesBetween");
        assertEquals(0, main.exit(), main.stderr());
        assertTrue(main.stdout().contains("o0 = [Coordinate[x=0.2, y=0.8], Coordinate[x=0.3, y=0.7], Coordinate[x=0.4, y=0.6],"
                + " Coordinate[x=0.5, y=0.5]]"), main.stdout());

        // the exported test can fail: with another expected output, the build stops and names the workflow
        Files.writeString(runs.resolve("guarded.outputs.txtpb"), Files.readString(runs.resolve("guarded.outputs.txtpb"))
                .replace("integer: 4", "integer: 5"));
        Result broken = mavenOffline(project, "package");
        assertNotEquals(0, broken.exit());
        assertTrue((broken.stdout() + broken.stderr()).contains("the outputs of guarded"), broken.stdout() + broken.stderr());
    }

    @Test
    void aNotebookWithAFailingCellExportsNothingAndNamesTheCell() throws Exception {
        Path notebook = Files.writeString(work.resolve("broken.ipynb"), """
                {"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": null,
                            "source": ["long x = 1;\\n", "throw new IllegalStateException(\\"no\\");"]}],
                 "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
                """);
        Result r = flyteJava("export", notebook.toString(), "--to", work.resolve("out").toString());
        assertEquals(1, r.exit(), r.stderr());
        assertTrue(r.stderr().contains("long x = 1;"), "names the cell by its first line: " + r.stderr());
        assertTrue(!Files.exists(work.resolve("out")), "nothing written");
    }
}
