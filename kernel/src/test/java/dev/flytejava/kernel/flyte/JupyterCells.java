package dev.flytejava.kernel.flyte;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs cells in a fresh {@code flyte-java} kernel through {@code jupyter_client} (Debian's python3) and
 * returns each cell's execute reply and iopub messages. The kernelspec is installed from the shaded jar
 * into a temporary prefix; the Flyte cache goes to a temporary directory.
 */
final class JupyterCells {

    /** One executed cell: its reply and its iopub messages in order. */
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

        /** text/plain of the execute_result, or "" */
        String result() {
            return ofType("execute_result").stream().map(c -> c.path("data").path("text/plain").asText()).findFirst().orElse("");
        }

        String resultMime(String mime) {
            return ofType("execute_result").stream().map(c -> c.path("data").path(mime).asText()).findFirst().orElse("");
        }

        String stdout() {
            StringBuilder sb = new StringBuilder();
            for (JsonNode s : ofType("stream")) sb.append(s.path("text").asText());
            return sb.toString();
        }

        @Override
        public String toString() {
            return "cell [" + source.lines().findFirst().orElse("") + "...] " + (ok() ? "ok" : error()) + " result [" + result() + "]";
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<Cell> run(Path work, List<String> sources) throws Exception {
        Path jar = Path.of("target", "flyte-java.jar").toAbsolutePath();
        if (!Files.exists(jar)) throw new IllegalStateException("Build the shaded jar first (mvn package): " + jar);
        Path prefix = work.resolve("prefix");
        exec(work, Map.of(), "java", "-jar", jar.toString(), "kernel", "install", "--prefix", prefix.toString());

        Path driver = work.resolve("run_cells.py");
        try (InputStream in = JupyterCells.class.getResourceAsStream("run_cells.py")) {
            Files.copy(in, driver);
        }
        Path cells = work.resolve("cells.json");
        Path result = work.resolve("result.json");
        JSON.writeValue(cells.toFile(), sources);
        exec(work, Map.of("JUPYTER_PATH", prefix.resolve("share/jupyter").toString(),
                        "FLYTE_JAVA_CACHE_DIR", work.resolve("cache").toString()),
                "/usr/bin/python3", driver.toString(), "flyte-java", cells.toString(), result.toString());
        JsonNode all = JSON.readTree(result.toFile());
        List<Cell> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            List<JsonNode> messages = new ArrayList<>();
            all.get(i).path("messages").forEach(messages::add);
            out.add(new Cell(sources.get(i), all.get(i).path("reply"), messages));
        }
        return out;
    }

    private static void exec(Path work, Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("process-" + System.nanoTime() + ".log").toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + String.join(" ", command));
        }
        if (p.exitValue() != 0) {
            StringBuilder logs = new StringBuilder();
            try (var files = Files.list(work)) {
                for (Path f : files.filter(f -> f.getFileName().toString().startsWith("process-")).toList()) {
                    logs.append(Files.readString(f));
                }
            }
            throw new IllegalStateException("failed (" + p.exitValue() + "): " + String.join(" ", command) + "\n" + logs);
        }
    }

    /** The code cells of a notebook with their first tag (or ""). */
    static List<String[]> notebookCells(Path notebook) throws IOException {
        JsonNode nb = JSON.readTree(notebook.toFile());
        List<String[]> cells = new ArrayList<>();
        for (JsonNode cell : nb.path("cells")) {
            if (!cell.path("cell_type").asText().equals("code")) continue;
            JsonNode src = cell.path("source");
            String source;
            if (src.isArray()) {
                StringBuilder sb = new StringBuilder();
                src.forEach(l -> sb.append(l.asText()));
                source = sb.toString();
            } else {
                source = src.asText();
            }
            JsonNode tags = cell.path("metadata").path("tags");
            cells.add(new String[] {tags.isArray() && tags.size() > 0 ? tags.get(0).asText() : "", source});
        }
        return cells;
    }
}
