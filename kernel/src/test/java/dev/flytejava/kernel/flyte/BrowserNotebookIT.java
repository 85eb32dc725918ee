package dev.flytejava.kernel.flyte;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.flytejava.kernel.KernelCase;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a person sees: the getting-started notebook opened in JupyterLab 4 (the venv's) and in the classic Notebook
 * (Debian's 6.4) on 127.0.0.1, all cells run in Debian's Chromium driven by playwright-core
 * ({@code src/test/browser/notebook-browser.mjs}, which reports what the page showed). Screenshots go to
 * {@code target/browser/}.
 */
class BrowserNotebookIT extends KernelCase {
    private static final Path BROWSER_DIR = MODULE.resolve("src/test/browser");
    private static final Path NOTEBOOK = MODULE.resolve("../notebooks/01-getting-started.ipynb").normalize();
    private static final String TOKEN = "flyte-java-browser-it";

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"lab", "classic"})
    void theGettingStartedNotebookRunsCleanAndLooksRight(String ui) throws Exception {
        installPlaywright();
        Files.copy(NOTEBOOK, work.resolve(NOTEBOOK.getFileName()));
        JsonObject source = new Gson().fromJson(Files.readString(NOTEBOOK), JsonObject.class);
        int runCell = cellIndex(source, "run-pipeline");
        Path shots = MODULE.resolve("target/browser");
        int port = freePort();
        Process server = startServer(ui, port);
        JsonObject report;
        try {
            awaitServer(port, server);
            Result r = run(List.of("node", BROWSER_DIR.resolve("notebook-browser.mjs").toString(), "--ui", ui,
                    "--base", "http://127.0.0.1:" + port, "--token", TOKEN, "--notebook", NOTEBOOK.getFileName().toString(),
                    "--run-cell", String.valueOf(runCell), "--complete", "addO", "--screenshots", shots.toString()),
                    null, Map.of(), 600);
            assertEquals(0, r.exit(), "the browser driver failed:\n" + r.stderr() + r.stdout());
            String out = r.stdout().strip();
            report = new Gson().fromJson(out.substring(out.lastIndexOf('\n') + 1), JsonObject.class);
        } finally {
            stop(server);
        }

        assertEquals("[]", report.get("pageErrors").toString(), ui + ": the page threw");
        assertEquals(false, report.get("busyAtEnd").getAsBoolean(), ui + ": the cells were still running after 5 minutes");
        JsonObject executed = new Gson().fromJson(Files.readString(shots.resolve(ui + "-executed.ipynb")), JsonObject.class);
        List<String> errors = new ArrayList<>();
        int unrun = 0;
        for (JsonElement c : executed.getAsJsonArray("cells")) {
            JsonObject cell = c.getAsJsonObject();
            if (!cell.get("cell_type").getAsString().equals("code")) continue;
            if (cell.get("execution_count").isJsonNull()) unrun++;
            for (JsonElement o : cell.getAsJsonArray("outputs")) {
                if (o.getAsJsonObject().get("output_type").getAsString().equals("error")) errors.add(o.toString());
            }
        }
        assertEquals(List.of(), errors, ui + ": error outputs");
        assertEquals(0, unrun, ui + ": code cells without an execution count");

        long tasks = count(source, "%%task");
        assertTrue(report.get("taskCards").getAsInt() >= tasks, ui + ": fewer cards than the " + tasks + " %%task cells: " + report);
        assertTrue(report.get("dagSvgNodes").getAsInt() > 0, ui + ": no DAG SVG with nodes was rendered");

        // the run view was updated in place: one view in the cell throughout, seen running, then done
        assertEquals(1, report.get("maxRunViews").getAsInt(), ui + ": the run cell held more than one run view");
        List<String> states = report.getAsJsonArray("liveStates").asList().stream().map(JsonElement::getAsString).toList();
        assertTrue(states.size() >= 2, ui + ": the run view never changed: " + states);
        assertTrue(states.stream().anyMatch(s -> s.contains("\trunning\t")), ui + ": never seen running: " + states);
        String last = states.get(states.size() - 1);
        assertTrue(!last.contains("\twaiting\t") && !last.contains("\trunning\t") && last.contains("\tsucceeded"),
                ui + ": the final view is not finished: " + last);

        String completions = report.get("completions").toString() + " " + report.get("completedText").getAsString();
        assertTrue(completions.contains("addOne"), ui + ": Tab after [addO] offered no addOne: " + completions);
    }

    /** playwright-core from the committed lock (no browser download: the driver launches Debian's Chromium). */
    private static void installPlaywright() {
        if (Files.isDirectory(BROWSER_DIR.resolve("node_modules/playwright-core"))) return;
        Result r = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--prefix", BROWSER_DIR.toString()), null, Map.of(), 300);
        assertEquals(0, r.exit(), "npm ci in " + BROWSER_DIR + " failed:\n" + r.stderr());
    }

    private Process startServer(String ui, int port) throws IOException {
        Path python = FlytePython.path();
        List<String> command = ui.equals("lab")
                ? List.of(python.resolveSibling("jupyter").toString(), "lab", "--LabApp.expose_app_in_browser=True",
                        "--IdentityProvider.token=" + TOKEN, "--ServerApp.root_dir=" + work,
                        "--LabApp.user_settings_dir=" + work.resolve(".lab-settings"), "--LabApp.workspaces_dir=" + work.resolve(".lab-workspaces"))
                : List.of("/usr/bin/jupyter-notebook", "--NotebookApp.token=" + TOKEN, "--notebook-dir=" + work);
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of("--no-browser", "--allow-root", "--ip=127.0.0.1", "--port=" + port));
        ProcessBuilder pb = new ProcessBuilder(full).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(work.resolve("server.log").toFile());
        Path home = Files.createDirectories(work.resolve(".jupyter-home"));
        // the server's config, data and runtime files, and the kernels' cache, stay in this test's folder
        pb.environment().putAll(Map.of("JUPYTER_PATH", jupyterPath.toString(), "JUPYTER_CONFIG_DIR", home.resolve("config").toString(),
                "JUPYTER_DATA_DIR", home.resolve("data").toString(), "JUPYTER_RUNTIME_DIR", home.resolve("runtime").toString(),
                "FLYTE_JAVA_CACHE_DIR", work.resolve(".cache").toString(), "TMPDIR", Files.createDirectories(work.resolve(".tmp")).toString()));
        return pb.start();
    }

    private void awaitServer(int port, Process server) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest status = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/status?token=" + TOKEN)).build();
        for (long until = System.nanoTime() + Duration.ofSeconds(120).toNanos(); System.nanoTime() < until; Thread.sleep(250)) {
            if (!server.isAlive()) throw new AssertionError("the Jupyter server exited:\n" + Files.readString(work.resolve("server.log")));
            try {
                if (http.send(status, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            }
        }
        throw new AssertionError("the Jupyter server did not answer within 120 s:\n" + Files.readString(work.resolve("server.log")));
    }

    /** The server and the kernels it started. */
    private static void stop(Process server) throws InterruptedException {
        List<ProcessHandle> children = server.descendants().toList();
        server.destroy();
        if (!server.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) server.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle child : children) child.onExit().join();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static int cellIndex(JsonObject nb, String tag) {
        JsonArray cells = nb.getAsJsonArray("cells");
        for (int i = 0; i < cells.size(); i++) {
            JsonArray tags = cells.get(i).getAsJsonObject().getAsJsonObject("metadata").getAsJsonArray("tags");
            if (tags != null && tags.toString().contains("\"" + tag + "\"")) return i;
        }
        throw new AssertionError("no cell tagged [" + tag + "]");
    }

    private static long count(JsonObject nb, String firstLinePrefix) {
        long n = 0;
        for (JsonElement c : nb.getAsJsonArray("cells")) {
            JsonObject cell = c.getAsJsonObject();
            JsonElement src = cell.get("source");
            String text = src.isJsonArray() ? String.join("", src.getAsJsonArray().asList().stream().map(JsonElement::getAsString).toList())
                    : src.getAsString();
            if (cell.get("cell_type").getAsString().equals("code") && text.startsWith(firstLinePrefix)) n++;
        }
        return n;
    }
}
