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
}
