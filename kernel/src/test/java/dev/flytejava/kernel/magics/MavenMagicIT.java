package dev.flytejava.kernel.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.flytejava.kernel.KernelCase;
import org.junit.jupiter.api.Test;

/** {@code %maven} through the real kernel: a resolved artifact is usable from the next cell. */
class MavenMagicIT extends KernelCase {

    @Test
    void resolvedArtifactIsOnTheNextCellsClassPath() {
        JsonObject result = scenario("cells", Map.of("cells", List.of(
                cell("%maven org.apache.commons:commons-lang3:3.17.0"),
                cell("org.apache.commons.lang3.StringUtils.abbreviate(\"flyte-java-kernel\", 8)"),
                cell("%maven org.example.nonexistent:nope:1.0"))));
        JsonArray cells = result.getAsJsonArray("cells");

        JsonObject maven = cells.get(0).getAsJsonObject();
        assertEquals("ok", maven.getAsJsonObject("reply").get("status").getAsString(), maven.toString());
        String printed = streamText(maven, "stdout");
        assertEquals("Added 1 artifact to the class path:\n  org.apache.commons:commons-lang3:jar:3.17.0\n", printed);

        JsonObject use = cells.get(1).getAsJsonObject();
        assertEquals("ok", use.getAsJsonObject("reply").get("status").getAsString(), use.toString());
        assertEquals("\"flyte...\"", resultText(use), use.toString());

        JsonObject missing = cells.get(2).getAsJsonObject();
        JsonObject reply = missing.getAsJsonObject("reply");
        assertEquals("error", reply.get("status").getAsString(), missing.toString());
        String error = reply.get("evalue").getAsString();
        assertTrue(error.contains("Artifact not found: [org.example.nonexistent:nope:jar:1.0]"), error);
        assertTrue(error.contains("in repositories [central ("), error); // names the repositories tried
    }

    static String streamText(JsonObject cell, String name) {
        StringBuilder text = new StringBuilder();
        for (JsonElement output : cell.getAsJsonArray("outputs")) {
            JsonObject o = output.getAsJsonObject();
            if (o.get("msg_type").getAsString().equals("stream")
                    && o.getAsJsonObject("content").get("name").getAsString().equals(name)) {
                text.append(o.getAsJsonObject("content").get("text").getAsString());
            }
        }
        return text.toString();
    }

    static String resultText(JsonObject cell) {
        for (JsonElement output : cell.getAsJsonArray("outputs")) {
            JsonObject o = output.getAsJsonObject();
            if (o.get("msg_type").getAsString().equals("execute_result")) {
                return o.getAsJsonObject("content").getAsJsonObject("data").get("text/plain").getAsString();
            }
        }
        return null;
    }
}
