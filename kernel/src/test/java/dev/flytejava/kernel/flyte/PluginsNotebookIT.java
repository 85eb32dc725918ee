package dev.flytejava.kernel.flyte;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.flytejava.kernel.KernelCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Executes notebooks/plugins.ipynb headless with {@code jupyter nbconvert --execute}: every plugin kind works. */
class PluginsNotebookIT extends KernelCase {
    private static final Path NOTEBOOK = MODULE.resolve("../notebooks/plugins.ipynb").normalize();

    @Test
    void thePluginsNotebookRunsCleanAndShowsEachKindWorking(@TempDir Path out) throws Exception {
        Result r = run(List.of("/usr/bin/jupyter", "nbconvert", "--execute", "--to", "notebook",
                        "--ExecutePreprocessor.timeout=120", "--output-dir", out.toString(), NOTEBOOK.toString()),
                null, Map.of("JUPYTER_PATH", jupyterPath.toString(), "FLYTE_JAVA_CACHE_DIR", out.resolve("cache").toString(),
                        "FLYTE_JAVA_CONTAINER_CLI", "none"),
                300);
        assertEquals(0, r.exit(), r.stderr());
        JsonObject nb = new Gson().fromJson(Files.readString(out.resolve("plugins.ipynb")), JsonObject.class);
        Map<String, String> results = new HashMap<>();
        for (JsonElement c : nb.getAsJsonArray("cells")) {
            JsonObject cell = c.getAsJsonObject();
            if (!cell.has("metadata") || !cell.getAsJsonObject("metadata").has("tags")) continue;
            String tag = cell.getAsJsonObject("metadata").getAsJsonArray("tags").get(0).getAsString();
            for (JsonElement o : cell.getAsJsonArray("outputs")) {
                JsonObject output = o.getAsJsonObject();
                if (output.get("output_type").getAsString().equals("execute_result")) {
                    results.put(tag, text(output.getAsJsonObject("data").get("text/plain")));
                }
            }
        }
        assertEquals("42", results.get("container-call"));
        assertEquals("[Person[name=ann, age=31], Person[name=cy, age=45]]", results.get("sql-call"));
        assertEquals("\"[] / 3 people\"", results.get("injection")); // a String result shows quoted
        assertEquals("42", results.get("pod-call"));
        assertTrue(results.get("sensor-call").startsWith("\"the file appeared"), results.toString());
        assertEquals("30", results.get("workflow-run"));
        assertEquals("false", results.get("cleanup"));
    }

    private static String text(JsonElement e) {
        if (e.isJsonPrimitive()) return e.getAsString();
        StringBuilder sb = new StringBuilder();
        for (JsonElement line : e.getAsJsonArray()) sb.append(line.getAsString());
        return sb.toString();
    }
}
