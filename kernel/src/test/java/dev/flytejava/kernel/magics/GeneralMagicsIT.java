package dev.flytejava.kernel.magics;

import static dev.flytejava.kernel.magics.MavenMagicIT.resultText;
import static dev.flytejava.kernel.magics.MavenMagicIT.streamText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.flytejava.kernel.KernelCase;
import org.junit.jupiter.api.Test;

/** The general magics through the real kernel: %help's pager payload, %%shell's streams, %lsmagic, %%time. */
class GeneralMagicsIT extends KernelCase {

    @Test
    void helpPagesShellStreamsAndLsmagicShowsATable() {
        JsonObject result = scenario("cells", Map.of("cells", List.of(
                cell("%help %maven"),
                cell("%%shell\necho out-1\necho err-1 >&2\necho out-2"),
                cell("%%shell\necho before\nexit 4"),
                cell("%lsmagic"),
                cell("%%time\nint sum = 0;\nfor (int i = 1; i <= 10; i++) sum += i;\nsum"),
                cell("%help nosuch"))));
        JsonArray cells = result.getAsJsonArray("cells");

        JsonObject help = cells.get(0).getAsJsonObject().getAsJsonObject("reply");
        assertEquals("ok", help.get("status").getAsString(), help.toString());
        JsonObject page = null;
        for (JsonElement payload : help.getAsJsonArray("payload")) {
            if (payload.getAsJsonObject().get("source").getAsString().equals("page")) page = payload.getAsJsonObject();
        }
        assertTrue(page != null, "no page payload in " + help);
        String pageText = page.getAsJsonObject("data").get("text/plain").getAsString();
        assertTrue(pageText.startsWith("%maven: " + MavenMagic.SUMMARY), pageText);
        assertTrue(pageText.contains("Usage: %maven [--no-transitive] [--scope=SCOPE] [--repo=[ID=]URL]... G:A:V..."),
                pageText);

        JsonObject shell = cells.get(1).getAsJsonObject();
        assertEquals("ok", shell.getAsJsonObject("reply").get("status").getAsString(), shell.toString());
        assertEquals("out-1\nout-2\n", streamText(shell, "stdout"));
        assertEquals("err-1\n", streamText(shell, "stderr"));

        JsonObject failed = cells.get(2).getAsJsonObject();
        assertEquals("before\n", streamText(failed, "stdout"));
        assertEquals("error", failed.getAsJsonObject("reply").get("status").getAsString());
        assertTrue(failed.getAsJsonObject("reply").get("evalue").getAsString()
                .contains("Shell script exited with code [4] in [%%shell]"), failed.toString());

        JsonObject lsmagic = cells.get(3).getAsJsonObject();
        String html = null;
        for (JsonElement output : lsmagic.getAsJsonArray("outputs")) {
            JsonObject data = output.getAsJsonObject().getAsJsonObject("content").getAsJsonObject("data");
            if (data != null && data.has("text/html")) html = data.get("text/html").getAsString();
        }
        assertTrue(html != null && html.contains("<code>%maven</code>") && html.contains("<code>%%shell</code>"),
                lsmagic.toString());

        JsonObject time = cells.get(4).getAsJsonObject();
        assertTrue(streamText(time, "stdout").matches("Wall time: \\d+\\.\\d ms, CPU time: \\d+\\.\\d ms\n"),
                time.toString());
        assertEquals("55", resultText(time), time.toString());

        JsonObject unknown = cells.get(5).getAsJsonObject().getAsJsonObject("reply");
        assertEquals("error", unknown.get("status").getAsString());
        assertTrue(unknown.get("evalue").getAsString().contains("Unknown magic [nosuch] in [%help]; known magics: "),
                unknown.toString());
    }

    @Test
    void interruptingShellKillsTheScriptAndTheKernelCarriesOn() {
        JsonObject result = scenario("interrupt", Map.of("code", "%%shell\necho started\nsleep 120\necho never",
                "mode", "message", "delay", 2.0, "next", "%%shell\necho next"));
        JsonObject reply = result.getAsJsonObject("reply");
        assertEquals("error", reply.get("status").getAsString(), result.toString());
        // The script sleeps for two minutes: getting the reply at all within the scenario's limits means it was killed.
        assertTrue(result.get("interrupt_ms").getAsDouble() < 60_000, result.toString());
        assertEquals("next\n", streamText(result.getAsJsonObject("next"), "stdout"), result.toString());
        assertTrue(result.get("alive").getAsBoolean());
    }
}
