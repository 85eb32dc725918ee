package dev.flytejava.magics.flyte.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.magics.flyte.parse.WorkflowCellParser;
import dev.flytejava.magics.flyte.parse.WorkflowIr;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class DagSvgTest {

    private static final WorkflowDags.Callees TASKS = new WorkflowDags.Callees() {
        @Override
        public Dag.Kind kind(String callee) {
            return callee.equals("sub") ? Dag.Kind.SUBWORKFLOW : Dag.Kind.TASK;
        }

        @Override
        public List<String> inputNames(String callee) {
            return List.of("x", "factor");
        }
    };

    private static Dag pipeline() {
        WorkflowIr ir = WorkflowCellParser.parse("""
                long pipeline(long x, String label, List<Long> xs) {
                    long a = addOne(x);
                    long b = addOne(a);
                    List<Long> ys = map(addOne, xs);
                    long s = sub(b, ys);
                    if (s > 10 && label == "big") { return scale(s, 2); } else { return b; }
                }
                """);
        return WorkflowDags.of("pipeline", ir, List.of("o0"), Optional.empty(), Optional.of("cleanup"), TASKS);
    }

    private static Document xml(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> groups(Document doc, String cssClass) {
        NodeList gs = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < gs.getLength(); i++) {
            Element g = (Element) gs.item(i);
            if (List.of(g.getAttribute("class").split(" ")).contains(cssClass)) out.add(g);
        }
        return out;
    }

    @Test
    void svgIsWellFormedWithEveryNodeAndEdge() throws Exception {
        Dag dag = pipeline();
        Document doc = xml(new DagSvg(dag).svg());
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        Set<String> ids = new TreeSet<>();
        for (Element g : groups(doc, "node")) ids.add(g.getAttribute("data-id"));
        assertEquals(new TreeSet<>(List.of("in:x", "in:label", "in:xs", "a", "b", "ys", "s", "branch_1", "out:o0",
                "teardown-cleanup")), ids);
        Set<String> edges = new TreeSet<>();
        for (Element g : groups(doc, "edge")) edges.add(g.getAttribute("data-from") + "->" + g.getAttribute("data-to"));
        assertTrue(edges.containsAll(List.of("in:x->a", "a->b", "in:xs->ys", "b->s", "ys->s", "s->branch_1", "in:label->branch_1",
                "b->branch_1", "branch_1->out:o0", "a->teardown-cleanup", "branch_1->teardown-cleanup")), edges.toString());
        assertEquals(1, groups(doc, "branch").size());
        assertEquals(1, groups(doc, "map").size());
        assertEquals(1, groups(doc, "subworkflow").size());
        assertTrue(new DagSvg(dag).svg().contains("if (s &gt; 10 &amp;&amp; label == &quot;big&quot;): scale(s, 2)"));
    }

    @Test
    void layersFollowLongestPathsAndOutputsComeLast() {
        Dag dag = pipeline();
        Map<String, Integer> layers = DagLayout.layers(dag);
        assertEquals(0, layers.get("in:x"));
        assertEquals(1, layers.get("a"));
        assertEquals(2, layers.get("b"));
        assertEquals(1, layers.get("ys"));
        assertEquals(3, layers.get("s"));
        assertEquals(4, layers.get("branch_1"));
        assertEquals(5, layers.get("teardown-cleanup"));
        assertEquals(5, layers.get("out:o0"));
        DagLayout layout = DagLayout.of(dag);
        assertTrue(layout.boxes().get("a").x() < layout.boxes().get("b").x());
        // boxes in one layer never overlap
        for (var p : layout.boxes().entrySet()) {
            for (var q : layout.boxes().entrySet()) {
                if (p.getKey().equals(q.getKey()) || p.getValue().x() != q.getValue().x()) continue;
                DagLayout.Box a = p.getValue();
                DagLayout.Box b = q.getValue();
                assertTrue(a.y() + a.height() <= b.y() || b.y() + b.height() <= a.y(), p.getKey() + " overlaps " + q.getKey());
            }
        }
    }

    @Test
    void progressColoursNodesAndShowsStatus() throws Exception {
        Dag dag = pipeline();
        Map<String, NodeProgress> progress = Map.of(
                "a", new NodeProgress("a", NodeProgress.State.SUCCEEDED, Duration.ofMillis(12), 1, false, Optional.empty()),
                "b", new NodeProgress("b", NodeProgress.State.CACHED, Duration.ofMillis(1), 1, true, Optional.empty()),
                "s", new NodeProgress("s", NodeProgress.State.RUNNING, Duration.ofMillis(1500), 2, false, Optional.empty()));
        String svg = new DagSvg(dag, progress).svg();
        Document doc = xml(svg);
        for (Element g : groups(doc, "node")) {
            String id = g.getAttribute("data-id");
            if (progress.containsKey(id)) assertEquals(progress.get(id).state().name(), g.getAttribute("data-state"));
        }
        assertTrue(svg.contains("running 1.50 s attempt 2"), svg);
        assertTrue(svg.contains("succeeded 12 ms"), svg);
    }

    @Test
    void plainTextSummary() {
        String text = new DagSvg(pipeline()).mimeBundle().get("text/plain");
        assertTrue(text.startsWith("pipeline: 3 inputs, 6 nodes, 1 output"), text);
        assertTrue(text.contains("ys [map] map addOne | ys = map(addOne, xs)"), text);
    }

    @Test
    void rejectsCyclesAndUnknownNodes() {
        assertThrows(IllegalArgumentException.class, () -> new Dag.Builder("t").node("a", Dag.Kind.TASK, "a")
                .edge("a", "b", "").build());
        Dag cyclic = new Dag.Builder("t").node("a", Dag.Kind.TASK, "a").node("b", Dag.Kind.TASK, "b")
                .edge("a", "b", "").edge("b", "a", "").build();
        assertThrows(IllegalArgumentException.class, () -> DagLayout.of(cyclic));
    }

    @Test
    void taskCardAndTable() {
        TaskCard card = new TaskCard("task", "addOne", List.of(new TaskCard.Variable("x", "INTEGER")),
                List.of(new TaskCard.Variable("o0", "INTEGER")), Map.of("cache", "v1"));
        assertEquals("task addOne\n  x: INTEGER -> o0: INTEGER\n  cache: v1", card.mimeBundle().get("text/plain"));
        assertTrue(card.mimeBundle().get("text/html").contains("<b>addOne</b>"));
        Table t = new Table("Tasks", List.of("name", "interface"), List.of(List.of("addOne", "x: INTEGER -> o0: INTEGER"),
                List.of("a<b", "()")));
        assertEquals("Tasks\nname    interface\naddOne  x: INTEGER -> o0: INTEGER\na<b     ()", t.text());
        assertTrue(t.html().contains("<td style=\"text-align:left\">a&lt;b</td>"));
    }
}
