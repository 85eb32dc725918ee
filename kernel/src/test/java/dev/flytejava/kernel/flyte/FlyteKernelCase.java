package dev.flytejava.kernel.flyte;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flytejava.kernel.KernelCase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Base of the Flyte magic ITs: runs cells in one fresh kernel through {@link KernelCase}'s real Jupyter
 * client ({@code kernel_driver.py cells}), with the Flyte cache in a fresh directory, and gives each
 * cell's execute reply and iopub messages.
 */
abstract class FlyteKernelCase extends KernelCase {

    /** One executed cell: its reply and its iopub messages (status messages left out) in order. */
    record Cell(String source, JsonNode reply, List<JsonNode> messages) {
        boolean ok() {
            return reply.path("status").asText().equals("ok");
        }

        String error() {
            return reply.path("ename").asText() + ": " + reply.path("evalue").asText();
        }

        List<JsonNode> ofType(String msgType) {
            return messages.stream().filter(m -> m.path("msg_type").asText().equals(msgType)).map(m -> m.path("content")).toList();
        }

        /** text/plain of the execute_result, or "". */
        String result() {
            return resultMime("text/plain");
        }

        String resultMime(String mime) {
            return ofType("execute_result").stream().map(c -> c.path("data").path(mime).asText()).findFirst().orElse("");
        }

        String stdout() {
            StringBuilder sb = new StringBuilder();
            for (JsonNode s : ofType("stream")) sb.append(s.path("text").asText());
            return sb.toString();
        }

        /** text/plain of the last update_display_data. */
        String lastUpdate() {
            List<JsonNode> updates = ofType("update_display_data");
            if (updates.isEmpty()) throw new AssertionError("no update_display_data in " + this);
            return updates.get(updates.size() - 1).path("data").path("text/plain").asText();
        }

        /** text/html of the last update_display_data. */
        String lastUpdateHtml() {
            List<JsonNode> updates = ofType("update_display_data");
            return updates.isEmpty() ? "" : updates.get(updates.size() - 1).path("data").path("text/html").asText();
        }

        @Override
        public String toString() {
            return "cell [" + source.lines().findFirst().orElse("") + "...] " + (ok() ? "ok" : error()) + " result [" + result() + "]";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<Cell> runCells(List<String> sources, Path cacheDir) throws IOException {
        return runCells(sources, cacheDir, Map.of());
    }

    /** {@code env}: more environment variables for the kernel. */
    static List<Cell> runCells(List<String> sources, Path cacheDir, Map<String, String> env) throws IOException {
        List<Map<String, Object>> cells = new ArrayList<>();
        for (String s : sources) cells.add(Map.of("code", s, "stop_on_error", false));
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("FLYTE_JAVA_CACHE_DIR", cacheDir.toString());
        String out = driverAnswer("cells", JSON.writeValueAsString(Map.of("cells", cells)), all, 600);
        JsonNode answer = JSON.readTree(out).path("cells");
        List<Cell> result = new ArrayList<>();
        for (int i = 0; i < answer.size(); i++) {
            List<JsonNode> messages = new ArrayList<>();
            answer.get(i).path("outputs").forEach(messages::add);
            result.add(new Cell(sources.get(i), answer.get(i).path("reply"), messages));
        }
        return result;
    }

    /** The code cells of a notebook: {tag or "", source}. */
    static List<String[]> notebookCells(Path notebook) throws IOException {
        JsonNode nb = JSON.readTree(Files.readString(notebook));
        List<String[]> cells = new ArrayList<>();
        for (JsonNode cell : nb.path("cells")) {
            if (!cell.path("cell_type").asText().equals("code")) continue;
            JsonNode src = cell.path("source");
            StringBuilder source = new StringBuilder();
            if (src.isArray()) src.forEach(l -> source.append(l.asText()));
            else source.append(src.asText());
            JsonNode tags = cell.path("metadata").path("tags");
            cells.add(new String[] {tags.isArray() && tags.size() > 0 ? tags.get(0).asText() : "", source.toString()});
        }
        return cells;
    }
}
