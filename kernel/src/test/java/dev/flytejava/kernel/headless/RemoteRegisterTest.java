package dev.flytejava.kernel.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.magics.flyte.render.Table;
import dev.flytejava.testkit.admin.TestAdminExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code %flyte config --file} and {@code %flyte register} from the tutorial notebook's cells, on the testkit. */
class RemoteRegisterTest {
    private static final Path MODULE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();

    @RegisterExtension
    static final TestAdminExtension ADMIN = new TestAdminExtension();

    @TempDir
    Path work;

    @Test
    void registersAWorkflowAndAgainUnchangedCreatesNothing() throws Exception {
        Path config = work.resolve("config.yaml");
        Files.writeString(config, "admin:\n  endpoint: " + ADMIN.endpoint() + "\n  insecure: true\n");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
        try (HeadlessSession session = HeadlessSession.start(out, out)) {
            for (NotebookCells.Cell cell : NotebookCells.read(MODULE.resolve("../notebooks/01-getting-started.ipynb"))) {
                session.run(cell);
            }
            Table workflows = (Table) session.run("%flyte workflows").orElseThrow();
            String wf = workflows.rows().get(0).get(0);
            Table shown = (Table) session.run("%flyte config --file " + config).orElseThrow();
            assertTrue(shown.rows().contains(List.of("endpoint", ADMIN.endpoint())), shown.rows().toString());

            Table first = (Table) session.run("%flyte register " + wf).orElseThrow();
            assertFalse(first.rows().isEmpty());
            assertTrue(first.rows().stream().allMatch(r -> r.get(3).equals("created")), first.rows().toString());
            assertTrue(first.rows().stream().anyMatch(r -> r.get(0).equals("workflow") && r.get(1).equals(wf)), first.rows().toString());
            assertEquals(1, ADMIN.calls("CreateUploadLocation"), "the code went through the data proxy");
            int creates = creates();
            assertEquals(first.rows().size(), creates);

            Table again = (Table) session.run("%flyte register " + wf).orElseThrow();
            assertTrue(again.rows().stream().allMatch(r -> r.get(3).equals("unchanged")), again.rows().toString());
            assertEquals(creates, creates(), "unchanged re-registration makes zero create calls");
        } catch (CellFailedException e) {
            throw new AssertionError(e.getMessage() + "\n" + log.toString(StandardCharsets.UTF_8), e);
        }
    }

    private static int creates() {
        return ADMIN.calls("CreateTask") + ADMIN.calls("CreateWorkflow") + ADMIN.calls("CreateLaunchPlan");
    }
}
