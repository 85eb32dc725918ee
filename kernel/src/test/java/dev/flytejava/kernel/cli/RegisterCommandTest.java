package dev.flytejava.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.testkit.admin.TestAdminExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code flyte-java register NOTEBOOK NAME --config F} on the testkit, in-process; a bad name exits non-zero. */
class RegisterCommandTest {
    private static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private static final String NOTEBOOK = MODULE.resolve("../notebooks/01-getting-started.ipynb").toString();

    @RegisterExtension
    static final TestAdminExtension ADMIN = new TestAdminExtension();

    @TempDir
    Path work;

    @Test
    void registersTheNotebooksWorkflowAndABadNameFails() throws Exception {
        Path config = work.resolve("config.yaml");
        Files.writeString(config, "admin:\n  endpoint: " + ADMIN.endpoint() + "\n  insecure: true\n");
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int ok;
        int bad;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
            ok = FlyteJavaCli.commandLine().execute("register", NOTEBOOK, "no_such_entity_ok_check", "--config", config.toString());
            bad = ok;
            ok = FlyteJavaCli.commandLine().execute("register", NOTEBOOK, "pipeline", "--config", config.toString());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        assertEquals(1, bad, errors.toString(StandardCharsets.UTF_8));
        assertTrue(errors.toString(StandardCharsets.UTF_8).contains("no_such_entity_ok_check"));
        assertEquals(0, ok, errors.toString(StandardCharsets.UTF_8));
        assertTrue(text.contains("created"), text);
        assertTrue(text.contains("pipeline"), text);
        assertTrue(ADMIN.calls("CreateWorkflow") >= 1);
        assertEquals(ADMIN.admin().launchPlans(), ADMIN.calls("CreateLaunchPlan"));
    }

    /** Runs {@code flyte-java register ARGS}; returns its exit status, what it printed and what it wrote on stderr. */
    private static String[] register(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
            String[] line = new String[args.length + 1];
            line[0] = "register";
            System.arraycopy(args, 0, line, 1, args.length);
            status = FlyteJavaCli.commandLine().execute(line);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new String[] {String.valueOf(status), printed.toString(StandardCharsets.UTF_8), errors.toString(StandardCharsets.UTF_8)};
    }

    /** The notebook with one more code cell, so that its plan is not one an earlier run of this test kept. */
    private Path notebookWith(String extraCell) throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var nb = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(Path.of(NOTEBOOK).toFile());
        var cell = nb.withArray("cells").addObject();
        cell.put("cell_type", "code").put("source", extraCell).putObject("metadata");
        cell.putArray("outputs");
        cell.putNull("execution_count");
        Path copy = work.resolve("notebook.ipynb");
        mapper.writeValue(copy.toFile(), nb);
        return copy;
    }

    @Test
    void anUnchangedNotebookRegistersFromItsKeptPlanAnywhereAndAnEditRunsItsCellsAgain() throws Exception {
        Path config = work.resolve("config.yaml");
        Files.writeString(config, "admin:\n  endpoint: " + ADMIN.endpoint() + "\n  insecure: true\n");
        String marker = "int registerCommandTestRun = " + System.nanoTime() % 1_000_000 + ";";
        Path notebook = notebookWith(marker);
        String[] first = register(notebook.toString(), "pipeline", "--config", config.toString(), "--domain", "development");
        assertEquals("0", first[0], first[2]);
        assertTrue(!first[2].contains("not run again"), "the cells ran: " + first[2]);

        int creates = ADMIN.calls("CreateTask") + ADMIN.calls("CreateWorkflow") + ADMIN.calls("CreateLaunchPlan");
        String[] staging = register(notebook.toString(), "pipeline", "--config", config.toString(), "--domain", "staging");
        assertEquals("0", staging[0], staging[2]);
        assertTrue(staging[2].contains("cells are unchanged since they made this plan, so they are not run again"), staging[2]);
        assertEquals(rows(first[1]), rows(staging[1]), "the same entities under the same versions, now created in staging");
        assertTrue(staging[1].contains("in flytesnacks/staging"), staging[1]);
        assertTrue(ADMIN.calls("CreateLaunchPlan") > 0
                && ADMIN.calls("CreateTask") + ADMIN.calls("CreateWorkflow") + ADMIN.calls("CreateLaunchPlan") > creates);

        String[] again = register(notebook.toString(), "pipeline", "--config", config.toString(), "--domain", "staging");
        assertTrue(again[2].contains("not run again"), again[2]);
        assertTrue(!again[1].contains("created") && again[1].contains("unchanged"), again[1]);

        String[] forced = register(notebook.toString(), "pipeline", "--config", config.toString(), "--domain", "staging", "--no-cache");
        assertEquals("0", forced[0], forced[2]);
        assertTrue(forced[2].contains("not keeping this registration's plan: --no-cache"), forced[2]);
        assertEquals(again[1], forced[1].substring(forced[1].indexOf("Registered ")),
                "running the cells gives what the kept plan gave");

        Path edited = notebookWith(marker.replace(";", " + 1;"));
        String[] afterEdit = register(edited.toString(), "pipeline", "--config", config.toString(), "--domain", "staging");
        assertTrue(!afterEdit[2].contains("not run again"), "an edited cell runs the notebook again: " + afterEdit[2]);
    }

    /** The table's rows as kind, name and version, without the result column. */
    private static java.util.List<String> rows(String table) {
        return table.lines().filter(l -> l.startsWith("task") || l.startsWith("workflow") || l.startsWith("launch plan"))
                .map(l -> l.replaceAll("\\s+(created|unchanged)\\s*$", "")).sorted().toList();
    }
}
