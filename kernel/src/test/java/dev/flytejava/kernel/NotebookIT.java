package dev.flytejava.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Executes the tutorial notebook headless with {@code jupyter nbconvert --execute} and checks what it shows. */
class NotebookIT extends KernelCase {

    private static final Path NOTEBOOK = MODULE.resolve("../notebooks/00-java-basics.ipynb").normalize();

    @Test
    void javaBasicsNotebookRunsAndShowsItsOutputs(@TempDir Path out) throws Exception {
        Result r = run(List.of("/usr/bin/jupyter", "nbconvert", "--execute", "--to", "notebook",
                        "--ExecutePreprocessor.timeout=120", "--output-dir", out.toString(), NOTEBOOK.toString()),
                null, Map.of("JUPYTER_PATH", jupyterPath.toString()), 300);
        assertEquals(0, r.exit(), r.stderr());
        assertNoSecurityManagerWarning(r.stderr()); // the kernel's stderr passes through nbconvert's
        JsonObject nb = new Gson().fromJson(Files.readString(out.resolve("00-java-basics.ipynb")), JsonObject.class);
        List<JsonObject> code = new ArrayList<>();
        for (JsonElement c : nb.getAsJsonArray("cells")) {
            if (c.getAsJsonObject().get("cell_type").getAsString().equals("code")) code.add(c.getAsJsonObject());
        }
        assertEquals("42", text(output(code.get(0), "execute_result").getAsJsonObject("data").get("text/plain")));
        assertEquals("[ADA, GRACE, BARBARA]", text(output(code.get(1), "execute_result").getAsJsonObject("data").get("text/plain")));
        JsonObject stdout = output(code.get(2), "stream");
        assertEquals("stdout", stdout.get("name").getAsString());
        assertEquals("line 1\nline 2\nline 3\n", text(stdout.get("text")));
        assertTrue(code.get(2).toString().contains("a warning"), "stderr missing");
        assertEquals(0, code.get(3).getAsJsonArray("outputs").size(), "a record declaration shows nothing");
        assertEquals("5.0", text(output(code.get(4), "execute_result").getAsJsonObject("data").get("text/plain")));
        List<String> mimes = new ArrayList<>();
        for (JsonElement o : code.get(5).getAsJsonArray("outputs")) mimes.addAll(o.getAsJsonObject().getAsJsonObject("data").keySet());
        assertTrue(mimes.containsAll(List.of("text/html", "image/svg+xml")), mimes.toString());
        assertTrue(output(code.get(6), "display_data").getAsJsonObject("data").has("text/markdown"));
        String progress = text(output(code.get(7), "display_data").getAsJsonObject("data").get("text/html"));
        assertTrue(progress.contains("100%"), "updateDisplay did not replace the progress output: " + progress);
    }

    private static JsonObject output(JsonObject cell, String type) {
        for (JsonElement o : cell.getAsJsonArray("outputs")) {
            if (o.getAsJsonObject().get("output_type").getAsString().equals(type)) return o.getAsJsonObject();
        }
        throw new AssertionError("no " + type + " output in " + cell);
    }

    /** Notebook text fields are a string or a list of lines. */
    private static String text(JsonElement e) {
        if (e.isJsonPrimitive()) return e.getAsString();
        StringBuilder sb = new StringBuilder();
        for (JsonElement line : e.getAsJsonArray()) sb.append(line.getAsString());
        return sb.toString();
    }
}
