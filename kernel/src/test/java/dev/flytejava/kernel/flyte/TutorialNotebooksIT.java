package dev.flytejava.kernel.flyte;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.flytejava.kernel.KernelCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tutorials as a pipeline runs them: {@code jupyter nbconvert --execute} and papermill (PyPI, with our Java
 * translator from python/papermill-java) against the installed kernelspec. Each notebook is copied into a temp
 * folder first, so what it writes ({@code %flyte package}) stays there; every cell must end without an error output.
 */
class TutorialNotebooksIT extends KernelCase {
    private static final Path NOTEBOOKS = MODULE.resolve("../notebooks").normalize();
    /** Where 03-to-production finds bin/flyte-java-testkit and bin/flyte-java. */
    private static final Path REPO = MODULE.resolve("..").normalize();

    @TempDir
    Path work;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "01-getting-started.ipynb | run-pipeline | 32",
            "02-extending-flyte.ipynb | run-coordinates | [Coordinate[x=0.2, y=0.8], Coordinate[x=0.3, y=0.7], Coordinate[x=0.4, y=0.6], Coordinate[x=0.5, y=0.5]]",
            "02-extending-flyte.ipynb | call-addTwo | [outer enters, before addTwo {x=1}, after addTwo -> 3, outer leaves]",
            "02-extending-flyte.ipynb | plugin-pod-call | 60",
            "03-to-production.ipynb | run-wordStats | {and=1, cat=1, hat=1, the=2}"})
    void runsCleanThroughNbconvert(String notebook, String tag, String expected) throws Exception {
        Path in = Files.copy(NOTEBOOKS.resolve(notebook), work.resolve(notebook));
        Path out = work.resolve("out");
        Result r = run(List.of("/usr/bin/jupyter", "nbconvert", "--execute", "--to", "notebook", "--ExecutePreprocessor.timeout=180",
                "--output-dir", out.toString(), in.toString()), null, env(), 600);
        assertEquals(0, r.exit(), r.stderr());
        JsonObject nb = new Gson().fromJson(Files.readString(out.resolve(notebook)), JsonObject.class);
        assertNoErrors(nb, notebook);
        assertEquals(expected, result(tagged(nb, tag)), notebook + " cell " + tag);
        if (notebook.startsWith("03")) {
            assertTrue(Files.isRegularFile(work.resolve("wordStats.tgz")), "%flyte package wrote the package beside the notebook");
            assertTrue(text(tagged(nb, "package-wordStats")).contains("wordStats.tgz (version v1)"), text(tagged(nb, "package-wordStats")));
            assertProductionSection(nb);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "01-getting-started.ipynb | run-pipeline | 32",
            "02-extending-flyte.ipynb | run-guarded | 4"})
    void runsCleanThroughPapermill(String notebook, String tag, String expected) throws Exception {
        Path in = Files.copy(NOTEBOOKS.resolve(notebook), work.resolve(notebook));
        Path out = work.resolve("out.ipynb");
        Result r = run(List.of(FlytePython.path().toString(), "-m", "papermill", in.toString(), out.toString(),
                "--cwd", work.toString()), null, env(), 600);
        assertEquals(0, r.exit(), r.stdout() + r.stderr());
        JsonObject nb = new Gson().fromJson(Files.readString(out), JsonObject.class);
        assertNoErrors(nb, notebook + " through papermill");
        assertEquals(expected, result(tagged(nb, tag)), notebook + " cell " + tag);
    }

    @Test
    void papermillInjectsJavaParameters() throws Exception {
        Path in = Files.copy(NOTEBOOKS.resolve("03-to-production.ipynb"), work.resolve("in.ipynb"));
        Path out = work.resolve("out.ipynb");
        Result r = run(List.of(FlytePython.path().toString(), "-m", "papermill", in.toString(), out.toString(),
                "-p", "text", "To be, or not to be!", "-p", "minCount", "2", "--cwd", work.toString()), null, env(), 600);
        assertEquals(0, r.exit(), r.stdout() + r.stderr());
        JsonObject nb = new Gson().fromJson(Files.readString(out), JsonObject.class);
        assertNoErrors(nb, "papermill's out.ipynb");
        String injected = text(tagged(nb, "injected-parameters").get("source"));
        assertEquals("// Parameters\nString text = \"To be, or not to be!\";\nlong minCount = 2L;\n", injected);
        assertEquals("{be=2, to=2}", result(tagged(nb, "run-wordStats")));
        assertProductionSection(nb);
    }

    /**
     * Section 5 of 03-to-production: the testkit the notebook started registered the workflow, ran it remotely with the
     * local outputs, and ran a Java workflow around a flytekit task through its reference; the last cell stopped it.
     */
    private void assertProductionSection(JsonObject nb) {
        assertTrue(result(tagged(nb, "start-testkit")).contains("flyte-java-testkit admin ready on dns:///127.0.0.1:"));
        String registered = text(tagged(nb, "register-wordStats"));
        assertTrue(registered.matches("(?s).*task +words +\\S+ +created.*workflow +wordStats +\\S+ +created.*"), registered);
        String remote = text(tagged(nb, "remote-wordStats"));
        assertTrue(remote.contains("wordStats succeeded remotely in"), remote);
        assertTrue(remote.contains("o0 = {be=2, to=2}"), "the local run's outputs: " + remote);
        assertTrue(remote.matches("(?s).*task +words +\\S+ +unchanged.*"), "registering again unchanged creates nothing: " + remote);
        assertEquals("\"registered text_tasks.top_word version v1\"", result(tagged(nb, "register-python")));
        assertTrue(text(tagged(nb, "reference-topWord")).contains("counts: MAP<STRING, INTEGER> -> o0: STRING"));
        String loudest = text(tagged(nb, "remote-loudestWord"));
        assertTrue(loudest.contains("loudestWord succeeded remotely in"), loudest);
        assertTrue(loudest.contains("o0 = be"), "flytekit's top_word read the Java task's map: " + loudest);
        assertTrue(result(tagged(nb, "stop-testkit")).startsWith("\"testkit stopped"), result(tagged(nb, "stop-testkit")));
        assertFalse(Files.exists(work.resolve("flyte-config.yaml")), "the notebook removed its config");
    }

    private Map<String, String> env() {
        return Map.of("JUPYTER_PATH", jupyterPath.toString(), "FLYTE_JAVA_CACHE_DIR", work.resolve("cache").toString(),
                "FLYTE_JAVA_HOME", REPO.toString(), "FLYTE_JAVA_PYTHON", FlytePython.path().toString());
    }

    private static void assertNoErrors(JsonObject nb, String name) {
        List<String> errors = new ArrayList<>();
        for (JsonElement c : nb.getAsJsonArray("cells")) {
            JsonArray outputs = c.getAsJsonObject().getAsJsonArray("outputs");
            if (outputs == null) continue;
            for (JsonElement o : outputs) {
                if (o.getAsJsonObject().get("output_type").getAsString().equals("error")) errors.add(o.toString());
            }
        }
        assertTrue(errors.isEmpty(), name + " has error outputs: " + errors);
    }

    private static JsonObject tagged(JsonObject nb, String tag) {
        for (JsonElement c : nb.getAsJsonArray("cells")) {
            JsonArray tags = c.getAsJsonObject().getAsJsonObject("metadata").getAsJsonArray("tags");
            if (tags != null && tags.toString().contains("\"" + tag + "\"")) return c.getAsJsonObject();
        }
        throw new AssertionError("no cell tagged [" + tag + "]");
    }

    /** The text/plain of a cell's execute_result. */
    private static String result(JsonObject cell) {
        for (JsonElement o : cell.getAsJsonArray("outputs")) {
            JsonObject out = o.getAsJsonObject();
            if (out.get("output_type").getAsString().equals("execute_result")) return text(out.getAsJsonObject("data").get("text/plain"));
        }
        throw new AssertionError("no execute_result in " + cell);
    }

    /** Everything a cell shows as text/plain. */
    private static String text(JsonObject cell) {
        StringBuilder sb = new StringBuilder();
        for (JsonElement o : cell.getAsJsonArray("outputs")) {
            JsonObject data = o.getAsJsonObject().getAsJsonObject("data");
            if (data != null && data.has("text/plain")) sb.append(text(data.get("text/plain"))).append('\n');
        }
        return sb.toString();
    }

    /** Notebook text fields are a string or a list of lines. */
    private static String text(JsonElement e) {
        if (e.isJsonPrimitive()) return e.getAsString();
        StringBuilder sb = new StringBuilder();
        for (JsonElement line : e.getAsJsonArray()) sb.append(line.getAsString());
        return sb.toString();
    }
}
