package dev.flytejava.kernel.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Message;
import dev.flytejava.magics.flyte.render.Table;
import dev.flytejava.runtime.code.TarExtractor;
import dev.flytejava.runtime.model.FlyteTypes;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every workflow, launch plan and task a notebook declares, packaged with {@code %flyte package} after its cells ran
 * headless: each spec file decodes with the official protos (nothing unknown, re-serializes to the same bytes), and
 * its interface is the one the notebook shows locally ({@code %flyte tasks}, {@code %flyte workflows}). The tutorial,
 * and a notebook of every construct (all task options, records, enums, Optionals, maps, @Outputs, a subworkflow,
 * branches with and/or/else-if/else, a map node with concurrency, setup/teardown, a bare task call, decorators,
 * launch plans with fixed and default inputs and schedules), and the plugins notebook (raw container, SQL, pod and
 * sensor tasks).
 */
class NotebookSpecsTest {
    private static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();

    static {
        // the plugins notebook's raw container task as a local process: no image pulls, no container daemon
        System.setProperty("flyte.java.container.cli", "none");
    }

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"../notebooks/01-getting-started.ipynb", "../notebooks/02-extending-flyte.ipynb",
        "src/test/resources/notebooks/all-constructs.ipynb", "../notebooks/plugins.ipynb"})
    void everyEntityCompilesToSpecsWithItsLocalInterface(String notebook) throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        try (HeadlessSession session = HeadlessSession.start(out, out)) {
            for (NotebookCells.Cell cell : NotebookCells.read(MODULE.resolve(notebook))) session.run(cell);
            Map<String, String> tasks = interfaces((Table) session.run("%flyte tasks").orElseThrow(), 2);
            Map<String, String> workflows = interfaces((Table) session.run("%flyte workflows").orElseThrow(), 2);
            Table plans = (Table) session.run("%flyte launchplans").orElseThrow();
            assertFalse(workflows.isEmpty(), "the notebook declares workflows");

            int checked = 0;
            for (String wf : workflows.keySet()) checked += checkPackage(session, wf, tasks, workflows);
            for (List<String> plan : plans.rows()) checked += checkPackage(session, plan.get(0), tasks, workflows);
            for (String task : tasks.keySet()) checked += checkPackage(session, task, tasks, workflows);
            assertTrue(checked > tasks.size() + workflows.size(), "specs checked: " + checked);
        } catch (CellFailedException e) {
            throw new AssertionError(e.getMessage() + "\n" + log.toString(StandardCharsets.UTF_8), e);
        }
    }

    /** Packages one entity and checks every spec in the package; returns how many. */
    private int checkPackage(HeadlessSession session, String name, Map<String, String> tasks, Map<String, String> workflows)
            throws IOException {
        Path pkg = work.resolve(name + ".tgz");
        session.run("%flyte package " + name + " --output " + pkg);
        Path dir = work.resolve(name);
        try (InputStream in = Files.newInputStream(pkg)) {
            TarExtractor.extract(in, dir);
        }
        int checked = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String file = f.getFileName().toString();
                if (!file.endsWith(".pb")) continue;
                byte[] bytes = Files.readAllBytes(f);
                checked++;
                if (file.endsWith("_1.pb")) {
                    TaskSpec spec = decoded(TaskSpec.parseFrom(bytes), bytes, file);
                    String task = spec.getTemplate().getId().getName();
                    assertEquals("", spec.getTemplate().getId().getProject(), file + ": packages leave the project to flytectl");
                    if (tasks.containsKey(task)) assertEquals(tasks.get(task), describe(spec.getTemplate().getInterface()), file);
                    else assertTrue(task.startsWith("flyte-java.") || task.contains("arraynode"), "an undeclared task: " + file);
                } else if (file.endsWith("_2.pb")) {
                    WorkflowSpec spec = decoded(WorkflowSpec.parseFrom(bytes), bytes, file);
                    String wf = spec.getTemplate().getId().getName();
                    assertEquals(workflows.get(wf), describe(spec.getTemplate().getInterface()), file);
                } else {
                    assertTrue(file.endsWith("_3.pb"), file);
                    LaunchPlan plan = decoded(LaunchPlan.parseFrom(bytes), bytes, file);
                    String wf = plan.getSpec().getWorkflowId().getName();
                    assertTrue(workflows.containsKey(wf), file + " launches [" + wf + "]");
                    // the plan's parameters and fixed inputs together are its workflow's inputs
                    List<String> inputs = new java.util.ArrayList<>(plan.getSpec().getDefaultInputs().getParametersMap().keySet());
                    inputs.addAll(plan.getSpec().getFixedInputs().getLiteralsMap().keySet());
                    assertEquals(new java.util.TreeSet<>(inputNames(workflows.get(wf))), new java.util.TreeSet<>(inputs), file);
                }
            }
        }
        return checked;
    }

    /** Read with the official protos: nothing left unknown, and the same bytes once written again. */
    private static <T extends Message> T decoded(T message, byte[] bytes, String file) {
        assertTrue(message.getUnknownFields().asMap().isEmpty(), file + " has fields the protos do not know");
        assertEquals(bytes.length, message.toByteArray().length, file + " re-serializes to other bytes");
        return message;
    }

    /** "a: INTEGER, b: STRING -> o0: INTEGER" with both sides in name order, as the notebook's tables show them. */
    private static String describe(TypedInterface iface) {
        return side(iface.getInputs().getVariablesMap()) + " -> " + side(iface.getOutputs().getVariablesMap());
    }

    private static String side(Map<String, Variable> vars) {
        Map<String, String> sorted = new TreeMap<>();
        vars.forEach((k, v) -> sorted.put(k, FlyteTypes.describe(v.getType())));
        return String.join(", ", sorted.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
    }

    /** A table's interface column by name, normalized to name order (the table keeps declaration order). */
    private static Map<String, String> interfaces(Table table, int column) {
        Map<String, String> out = new LinkedHashMap<>();
        for (List<String> row : table.rows()) out.put(row.get(0), normalized(row.get(column)));
        return out;
    }

    private static String normalized(String signature) {
        String[] sides = signature.split(" -> ", -1);
        return sortSide(sides[0]) + " -> " + sortSide(sides.length > 1 ? sides[1] : "");
    }

    private static String sortSide(String side) {
        if (side.isBlank() || side.equals("()")) return "";
        Map<String, String> sorted = new TreeMap<>();
        for (String part : splitTopLevel(side)) {
            int colon = part.indexOf(": ");
            sorted.put(part.substring(0, colon).strip(), part.substring(colon + 2).strip());
        }
        return String.join(", ", sorted.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
    }

    /** Splits "a: MAP<STRING, INTEGER>, b: X" at the commas outside brackets. */
    private static List<String> splitTopLevel(String text) {
        List<String> parts = new java.util.ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '<' || c == '(' || c == '[' || c == '{') depth++;
            else if (c == '>' || c == ')' || c == ']' || c == '}') depth--;
            else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static List<String> inputNames(String signature) {
        String inputs = signature.split(" -> ", -1)[0];
        if (inputs.isBlank()) return List.of();
        return splitTopLevel(inputs).stream().map(p -> p.substring(0, p.indexOf(": ")).strip()).toList();
    }
}
