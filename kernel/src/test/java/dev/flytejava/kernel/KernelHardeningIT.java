package dev.flytejava.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.flytejava.kernel.io.OutputRouter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile input and cell faults against the real kernel process (docs/reliability.md): every channel
 * fuzzed over ZMQ, and cells that fail hard, after each of which the session answers and keeps its
 * earlier declarations.
 */
class KernelHardeningIT extends KernelCase {

    private static final int PER_CHANNEL = 1500;

    @Test
    void thousandsOfHostileMessagesOnEveryChannelRunNothingAndTheKernelAnswersAfterwards(@TempDir Path dir) {
        Path marker = dir.resolve("forged-cell-ran");
        Map<String, Object> spec = Map.of("seed", 14, "per_channel", PER_CHANNEL, "marker", marker.toString(),
                "next", "1 + 2", "stdin_cell", "new Scanner(System.in).nextLine()");
        JsonObject r = scenario("fuzz", spec);
        JsonObject sent = r.getAsJsonObject("sent");
        int total = 0;
        for (Map.Entry<String, JsonElement> e : sent.entrySet()) if (!e.getKey().endsWith(":answered_after")) total += e.getValue().getAsInt();
        System.out.println("fuzz: messages=" + total + " by kind " + sent);
        assertTrue(total >= 4 * PER_CHANNEL, "sent " + sent);
        for (String kind : List.of("garbage", "truncated", "oversized", "wrong_key", "unsigned", "tampered", "out_of_order")) {
            for (String channel : List.of("shell", "control", "stdin")) {
                assertTrue(sent.has(channel + ":" + kind), "no [" + kind + "] message sent to " + channel + ": " + sent);
            }
        }
        assertEquals(1, sent.get("shell:answered_after").getAsInt(), "the shell channel stopped answering: " + sent);
        assertEquals(1, sent.get("control:answered_after").getAsInt(), "the control channel stopped answering: " + sent);
        assertEquals(PER_CHANNEL, r.get("hb_echoed").getAsInt(), "the heartbeat did not echo every ping");
        assertFalse(Files.exists(marker), "an execute_request with a wrong, missing or tampered signature ran");
        assertEquals("3", result(r.getAsJsonObject("next")));
        assertEquals("\"typed\"", result(r.getAsJsonObject("stdin_cell")), "stale stdin messages were taken as the answer");
        assertEquals("0o600", r.get("connection_file_mode").getAsString(), "the connection file holds the key");
        assertTrue(r.get("alive").getAsBoolean());
    }

    @Test
    void afterEachHardFaultTheNextCellIsAnsweredAndEarlierDeclarationsSurvive() {
        Map<String, Object> stdinRefused = new LinkedHashMap<>();
        stdinRefused.put("code", "new Scanner(System.in).nextLine()");
        stdinRefused.put("allow_stdin", false);
        List<Map<String, Object>> cells = List.of(
                cell("int kept = 41;"),
                cell("throw new OutOfMemoryError(\"thrown by the cell\");"), cell("kept + 1"),
                cell("long[] huge = new long[Integer.MAX_VALUE - 16];"), cell("kept + 1"),
                cell("int down(int n) { return down(n + 1) + 1; }"), cell("down(0)"), cell("kept + 1"),
                cell("Thread left = new Thread(() -> { while (true) { try { Thread.sleep(5); } catch (InterruptedException e) { return; } } });"
                        + " left.start();"),
                cell("kept + 1 + (left.isAlive() ? 0 : 1000)"),
                cell("for (int i = 0; i < 150_000; i++) System.out.println(\"line \" + i + \" \" + \"x\".repeat(60));"),
                cell("kept + 1"),
                stdinRefused, cell("kept + 1"),
                cell("left.interrupt(); left.join(); kept + 1"));
        JsonObject r = scenario("cells", Map.of("cells", cells, "requests", List.of()));
        assertError(cellAt(r, 1), "OutOfMemoryError", "thrown by the cell");
        assertEquals("42", result(cellAt(r, 2)));
        assertError(cellAt(r, 3), "OutOfMemoryError", "");
        assertEquals("42", result(cellAt(r, 4)));
        assertError(cellAt(r, 6), "StackOverflowError", "");
        assertEquals("42", result(cellAt(r, 7)));
        assertEquals("42", result(cellAt(r, 9)), "a thread the cell left running");

        JsonObject flood = cellAt(r, 10);
        assertEquals("ok", flood.getAsJsonObject("reply").get("status").getAsString(), flood.toString().substring(0, 300));
        String out = streamText(flood, "stdout");
        String err = streamText(flood, "stderr");
        System.out.println("flood: stdout published=" + out.length() + " chars of ~" + 150_000 * 72);
        assertTrue(out.length() <= OutputRouter.BUDGET_BYTES, "published " + out.length());
        assertTrue(out.startsWith("line 0 "), out.substring(0, 40));
        assertTrue(err.contains("[output truncated: this cell wrote more than 4 MiB to one stream"), err);
        assertEquals("42", result(cellAt(r, 11)));

        assertError(cellAt(r, 12), "InputNotAllowedException", "System.in is not available: the front end did not allow input for this request");
        assertEquals("42", result(cellAt(r, 13)));
        assertEquals("42", result(cellAt(r, 14)));
        assertTrue(r.get("alive").getAsBoolean());
    }

    private static void assertError(JsonObject cell, String ename, String evaluePart) {
        JsonObject reply = cell.getAsJsonObject("reply");
        String shown = reply.toString();
        assertEquals("error", reply.get("status").getAsString(), shown);
        String text = reply.get("ename").getAsString() + ": " + reply.get("evalue").getAsString() + " " + reply.get("traceback");
        assertTrue(text.contains(ename) && text.contains(evaluePart), "expected " + ename + " / " + evaluePart + " in " + shown);
    }

    private static JsonObject cellAt(JsonObject r, int i) {
        return r.getAsJsonArray("cells").get(i).getAsJsonObject();
    }

    private static String result(JsonObject cell) {
        String shown = cell.toString();
        assertEquals("ok", cell.getAsJsonObject("reply").get("status").getAsString(), shown.substring(0, Math.min(2000, shown.length())));
        for (JsonElement o : cell.getAsJsonArray("outputs")) {
            JsonObject out = o.getAsJsonObject();
            if (out.get("msg_type").getAsString().equals("execute_result")) {
                return out.getAsJsonObject("content").getAsJsonObject("data").get("text/plain").getAsString();
            }
        }
        throw new AssertionError("no execute_result in " + shown.substring(0, Math.min(2000, shown.length())));
    }

    private static String streamText(JsonObject cell, String name) {
        StringBuilder sb = new StringBuilder();
        for (JsonElement o : cell.getAsJsonArray("outputs")) {
            JsonObject out = o.getAsJsonObject();
            if (out.get("msg_type").getAsString().equals("stream") && out.getAsJsonObject("content").get("name").getAsString().equals(name)) {
                sb.append(out.getAsJsonObject("content").get("text").getAsString());
            }
        }
        return sb.toString();
    }
}
