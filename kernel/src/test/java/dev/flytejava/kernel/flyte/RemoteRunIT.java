package dev.flytejava.kernel.flyte;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.flytejava.testkit.admin.TestAdmin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, acceptance 3, through the real kernel and Jupyter client: a workflow with records, a map node, a
 * subworkflow and a branch is registered on the testkit with its code uploaded through the data proxy, runs there
 * with {@code %flyte run --remote --wait} (each Java task in its own {@code flyte-java entrypoint} process) with node
 * progress updated in place and the local run's outputs; registering it again makes no create calls, and editing a
 * helper in one task's closure registers new versions of that task and of the workflow only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteRunIT extends FlyteKernelCase {
    private RunningTestkit testkit;
    private TestAdmin admin;
    private List<Cell> cells;

    private static final List<String> SOURCES = List.of(
            "@Outputs\nrecord Stats(long max, long min) {}\nrecord Range(long lo, long hi) {}\nlong margin() { return 0; }",
            "%%task\nlong addOne(long x) {\n    return x + 1;\n}",
            "%%task\nStats stats(List<Long> xs) {\n    return new Stats(Collections.max(xs) + margin(), Collections.min(xs));\n}",
            "%%task\nlong shift(long x) {\n    return x + 100;\n}",
            "%%task\nRange range(long lo, long hi) {\n    return new Range(lo, hi);\n}",
            "%%task\nlong width(Range r) {\n    return r.hi() - r.lo();\n}",
            "%%workflow\nlong inner(long x) {\n    long a = addOne(x);\n    return shift(a);\n}",
            "%%workflow\nlong pipeline(long x, List<Long> xs) {\n    List<Long> ys = map(addOne, xs);\n    Stats s = stats(ys);\n"
                    + "    Range r = range(s.min(), s.max());\n    long w = width(r);\n"
                    + "    long a = inner(x);\n    if (a > w) {\n        return shift(a);\n    } else {\n        return s.min();\n    }\n}",
            "%flyte run pipeline --x 3 --xs [1,2,3]",
            "%flyte run pipeline --remote --wait --x 3 --xs [1,2,3]",
            "%flyte register pipeline",
            "long margin() { return 1000; }",
            "%flyte register pipeline",
            "%flyte run pipeline --remote --x 3 --xs [1,2,3]");

    @BeforeAll
    void runCellsAgainstTheTestkit(@TempDir Path work) throws Exception {
        testkit = RunningTestkit.start(work, false);
        admin = testkit.admin();
        List<String> sources = new ArrayList<>();
        sources.add(testkit.configCell());
        sources.addAll(SOURCES);
        cells = runCells(sources, work.resolve("cache")).subList(1, sources.size());
    }

    @AfterAll
    void stop() throws Exception {
        testkit.close();
    }

    private Cell ran(String source) {
        return cells.get(SOURCES.indexOf(source));
    }

    @Test
    void everyCellSucceeds() {
        for (Cell c : cells) assertTrue(c.ok(), c.toString() + " " + c.messages());
    }

    @Test
    void theRemoteRunShowsProgressInPlaceAndTheLocalRunsOutputs() {
        String local = ran("%flyte run pipeline --x 3 --xs [1,2,3]").lastUpdate();
        Cell remote = ran("%flyte run pipeline --remote --wait --x 3 --xs [1,2,3]");
        assertTrue(remote.ok(), remote.toString());
        String registered = remote.ofType("display_data").get(0).path("data").path("text/plain").asText();
        assertTrue(registered.contains("Registered pipeline in flytesnacks/development"), registered);
        assertTrue(admin.calls("CreateUploadLocation") >= 1, "the code went up through the data proxy");
        List<JsonNode> updates = remote.ofType("update_display_data");
        assertTrue(updates.size() >= 3, "node progress was updated in place: " + updates.size());
        String id = updates.get(0).path("transient").path("display_id").asText();
        for (JsonNode u : updates) assertEquals(id, u.path("transient").path("display_id").asText());
        assertTrue(updates.stream().anyMatch(u -> u.path("data").path("text/plain").asText().contains("running")),
                "a node was seen running");
        String last = remote.lastUpdate();
        assertTrue(last.contains("pipeline succeeded remotely"), last);
        assertTrue(local.contains("o0") && local.contains("204"), local); // inner(3) = 104 > width 2: shift(104)
        assertEquals(outputs(local), outputs(last));
        assertTrue(remote.lastUpdateHtml().contains("<svg"), "the DAG picture is part of the live view");
    }

    @Test
    void registeringUnchangedCreatesNothingAndAnEditedHelperReversionsOnlyItsTaskAndTheWorkflow() {
        String again = cells.get(SOURCES.indexOf("%flyte register pipeline")).result();
        assertTrue(!again.contains("created") && again.contains("unchanged"), again);
        String edited = cells.get(SOURCES.lastIndexOf("%flyte register pipeline")).result();
        Set<String> created = new TreeSet<>();
        for (String line : edited.lines().filter(l -> l.trim().endsWith("created")).toList()) {
            String[] w = line.trim().split("\\s+");
            created.add(w[0].equals("launch") ? "launch plan " + w[2] : w[0] + " " + w[1]);
        }
        assertEquals(Set.of("task stats", "workflow pipeline", "launch plan pipeline"), created, edited);
    }

    @Test
    void withoutWaitTheExecutionIdAndConsoleUrlAreShownAndFetchGivesItsOutputs() {
        String started = ran("%flyte run pipeline --remote --x 3 --xs [1,2,3]").result();
        assertTrue(started.contains("flytesnacks:development:") && started.contains("/console/projects/flytesnacks/domains/"
                + "development/executions/") && started.contains("%flyte fetch"), started);
    }

    /** The rows of the outputs table under a run view: {@code name  value} lines after the summary. */
    private static String outputs(String view) {
        int at = view.indexOf("o0");
        return at < 0 ? view : view.substring(at).lines().findFirst().orElse("").replaceAll("\\s+", " ");
    }
}
