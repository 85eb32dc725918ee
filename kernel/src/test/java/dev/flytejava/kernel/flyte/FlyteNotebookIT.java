package dev.flytejava.kernel.flyte;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Executes {@code notebooks/01-getting-started.ipynb} cell by cell in the real kernel through
 * jupyter_client and checks what the tutorial promises: values, cards, the DAG picture, live progress
 * through update_display_data, a cached re-run that skips the task, %flyte commands and launch plans.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FlyteNotebookIT extends FlyteKernelCase {
    static final Path NOTEBOOK = MODULE.resolve("../notebooks/01-getting-started.ipynb").normalize();

    private final Map<String, Cell> byTag = new LinkedHashMap<>();
    private List<Cell> all;

    @BeforeAll
    void runNotebook(@TempDir Path work) throws Exception {
        List<String[]> cells = notebookCells(NOTEBOOK);
        List<String> sources = new ArrayList<>();
        for (String[] c : cells) sources.add(c[1]);
        all = runCells(sources, work.resolve("cache"));
        for (int i = 0; i < cells.size(); i++) {
            if (!cells.get(i)[0].isEmpty()) byTag.put(cells.get(i)[0], all.get(i));
        }
    }

    private Cell tagged(String tag) {
        Cell c = byTag.get(tag);
        if (c == null) throw new AssertionError("no cell tagged [" + tag + "] in " + NOTEBOOK);
        return c;
    }

    @Test
    void everyCellSucceeds() {
        for (Cell c : all) assertTrue(c.ok(), c.toString());
    }

    @Test
    void tasksShowCardsAndReturnValues() {
        Cell card = tagged("task-addOne");
        assertEquals("task addOne\n  x: INTEGER -> o0: INTEGER", card.result());
        assertTrue(card.resultMime("text/html").contains("<b>addOne</b>"), card.toString());
        assertEquals("42", tagged("call-addOne").result());
        assertTrue(tagged("task-slowSquare").result().contains("cache: v1"), tagged("task-slowSquare").toString());
        assertTrue(tagged("task-slowSquare").result().contains("requests: cpu=1,mem=1Gi"));
        assertTrue(tagged("task-distance").result().contains("a: STRUCT(Coordinate), b: STRUCT(Coordinate) -> o0: FLOAT"), tagged("task-distance").toString());
        assertEquals("5.0", tagged("call-distance").result());
        assertEquals("task stats\n  xs: LIST<INTEGER> -> max: INTEGER, min: INTEGER", tagged("task-stats").result());
        assertEquals("Stats[max=9, min=2]", tagged("call-stats").result());
        assertEquals("task flip\n  p: STRING -> o0: STRING", tagged("task-flip").result(), "the transformer from a cell maps Point to STRING");
        assertEquals("Point[x=2, y=1]", tagged("call-flip").result());
        assertTrue(tagged("call-triple").stdout().contains("triple took"), tagged("call-triple").stdout());
        assertEquals("[triple {x=5} -> 15]", tagged("call-triple").result());
    }

    @Test
    void workflowCellShowsTheDagAsSvg() throws Exception {
        String svg = tagged("workflow-pipeline").resultMime("image/svg+xml");
        assertFalse(svg.isEmpty(), tagged("workflow-pipeline").toString());
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        NodeList groups = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)))
                .getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        Set<String> nodes = new HashSet<>();
        Set<String> edges = new HashSet<>();
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("class").startsWith("node")) nodes.add(g.getAttribute("data-id") + ":" + g.getAttribute("class"));
            if (g.getAttribute("class").equals("edge")) edges.add(g.getAttribute("data-from") + "->" + g.getAttribute("data-to"));
        }
        assertEquals(Set.of("in:x:node input", "in:xs:node input", "a:node task", "sq:node task", "ys:node map", "s:node task",
                "branch_1:node branch", "out:o0:node output"), nodes);
        assertTrue(edges.containsAll(Set.of("in:x->a", "a->sq", "in:xs->ys", "ys->s", "sq->branch_1", "s->branch_1",
                "branch_1->out:o0")), edges.toString());
    }

    @Test
    void flyteRunReadsARecordInputFromQuotedJson() {
        Cell run = tagged("flyte-run-record");
        List<JsonNode> updates = run.ofType("update_display_data");
        String last = updates.get(updates.size() - 1).path("data").path("text/plain").asText();
        assertTrue(last.contains("o0 = 10.0"), last);
    }

    @Test
    void runShowsOneLiveDisplayUpdatedInPlace() {
        Cell run = tagged("run-pipeline");
        assertEquals("32", run.result());
        List<JsonNode> shown = run.ofType("display_data");
        assertEquals(1, shown.size(), "one live display per run");
        String id = shown.get(0).path("transient").path("display_id").asText();
        assertFalse(id.isEmpty(), "the display has an id");
        List<JsonNode> updates = run.ofType("update_display_data");
        assertTrue(updates.size() >= 2, "update_display_data sent during the run, got " + updates.size());
        for (JsonNode u : updates) assertEquals(id, u.path("transient").path("display_id").asText());
        String running = updates.stream().map(u -> u.path("data").path("text/plain").asText())
                .filter(t -> t.contains("running")).findFirst().orElse("");
        assertFalse(running.isEmpty(), "an update shows a node running");
        String last = updates.get(updates.size() - 1).path("data").path("text/plain").asText();
        assertTrue(last.contains("pipeline succeeded in"), last);
        assertTrue(last.contains("5 nodes ran, 0 from cache"), last);
        assertTrue(last.contains("o0 = 32"), last);
        assertTrue(updates.get(updates.size() - 1).path("data").path("text/html").asText().contains("<svg"),
                "the live view draws the DAG coloured by state");
    }

    @Test
    void cachedRerunSkipsTheTask() {
        Cell rerun = tagged("rerun-pipeline");
        assertEquals("32", rerun.result());
        List<JsonNode> updates = rerun.ofType("update_display_data");
        String last = updates.get(updates.size() - 1).path("data").path("text/plain").asText();
        assertTrue(last.matches("(?s).*\\nsq +cached .*"), last);
        assertTrue(last.contains("4 nodes ran, 1 from cache"), last);
        assertEquals("1", tagged("square-calls").result(), "the cached task body ran once for two runs");
    }

    @Test
    void flyteLineMagics() {
        List<JsonNode> updates = tagged("flyte-run").ofType("update_display_data");
        assertTrue(updates.get(updates.size() - 1).path("data").path("text/plain").asText().contains("o0 = 6"));
        String workflow = tagged("flyte-show-workflow").resultMime("text/html");
        assertTrue(workflow.contains("<svg") && workflow.contains("Code of workflow [pipeline]"), workflow);
        String task = tagged("flyte-show-task").result();
        assertTrue(task.startsWith("task stats\n  xs: LIST<INTEGER> -> max: INTEGER, min: INTEGER\n\nCode of task [stats]: "), task);
        assertTrue(task.contains("record    Stats") || task.contains("record  Stats") || task.matches("(?s).*record\\s+Stats.*"), task);
        String tasks = tagged("flyte-tasks").result();
        for (String t : List.of("addOne", "slowSquare", "scale", "distance", "stats", "flip", "triple")) {
            assertTrue(tasks.contains("\n" + t + " "), t + " in " + tasks);
        }
        assertTrue(tagged("flyte-tasks").resultMime("text/html").contains("<table"));
        assertTrue(tagged("flyte-workflows").result().contains("pipeline  pipeline(...)  x: INTEGER, xs: LIST<INTEGER> -> o0: INTEGER  5"),
                tagged("flyte-workflows").result());
    }

    @Test
    void launchPlans() {
        assertTrue(tagged("lp-nightly").result().contains("fixed xs: [10, 20]"), tagged("lp-nightly").toString());
        assertEquals("50", tagged("call-nightly").result());
        assertTrue(tagged("lp-small").result().contains("default x: 2"));
        List<JsonNode> updates = tagged("run-small").ofType("update_display_data");
        assertTrue(updates.get(updates.size() - 1).path("data").path("text/plain").asText().contains("o0 = 18"));
        assertEquals("18", tagged("call-small").result(), "small() leaves x to its default, as %flyte run small does");
    }

    @Test
    void lsmagicListsTheFlyteMagics() {
        String magics = tagged("lsmagic").result();
        for (String m : List.of("%%task", "%%workflow", "%%launchplan", "%flyte")) assertTrue(magics.contains(m), m + " in " + magics);
    }
}
