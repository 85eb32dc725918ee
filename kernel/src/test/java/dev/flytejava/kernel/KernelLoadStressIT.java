package dev.flytejava.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Load (the {@code stress} profile): 1,000 cells back to back in one kernel, its memory measured before and after. */
@Tag("stress")
class KernelLoadStressIT extends KernelCase {

    private static final int CELLS = 1000;
    /** Heap in use after a full GC, in KiB, and the process's resident set, in KiB. */
    private static final String MEMORY = "System.gc(); Thread.sleep(200); System.gc(); Runtime rt = Runtime.getRuntime();"
            + " (rt.totalMemory() - rt.freeMemory()) / 1024 + \" \" + java.nio.file.Files.readAllLines(java.nio.file.Path.of(\"/proc/self/status\"))"
            + ".stream().filter(l -> l.startsWith(\"VmRSS:\")).findFirst().orElseThrow().replaceAll(\"\\\\D\", \"\")";

    @Test
    void aThousandCellsBackToBackAreAllAnsweredAndTheHeapGrowsOnlyByWhatJShellKeeps() {
        List<Map<String, Object>> cells = new ArrayList<>();
        cells.add(cell("int warm = 1;"));
        cells.add(cell(MEMORY));
        for (int i = 0; i < CELLS; i++) {
            cells.add(cell(switch (i % 4) {
                case 0 -> "int v" + i + " = " + i + ";";
                case 1 -> "v" + (i - 1) + " + 1";
                case 2 -> "System.out.println(\"cell " + i + "\");";
                default -> "String s" + i + " = \"x\".repeat(1000); s" + i + ".length()";
            }));
        }
        cells.add(cell(MEMORY));
        JsonObject r = scenario("cells", Map.of("cells", cells, "requests", List.of()));
        JsonArray done = r.getAsJsonArray("cells");
        int ok = 0;
        for (JsonElement c : done) ok += c.getAsJsonObject().getAsJsonObject("reply").get("status").getAsString().equals("ok") ? 1 : 0;
        assertEquals(cells.size(), ok, "cells answered ok");
        long[] before = memory(done.get(1).getAsJsonObject());
        long[] after = memory(done.get(done.size() - 1).getAsJsonObject());
        System.out.println("KernelLoadStressIT: cells=" + CELLS + " heap_kib_before=" + before[0] + " heap_kib_after=" + after[0]
                + " rss_kib_before=" + before[1] + " rss_kib_after=" + after[1]);
        // JShell keeps every snippet's state, so the heap grows with the cells (measured: about 125 KiB a cell on
        // Java 17); the bound catches a leak beyond that, such as output kept per cell
        long perCell = (after[0] - before[0]) / CELLS;
        assertTrue(perCell < 192, "the heap grew by " + perCell + " KiB a cell (" + (after[0] - before[0]) + " KiB in all)");
    }

    private static long[] memory(JsonObject cell) {
        for (JsonElement o : cell.getAsJsonArray("outputs")) {
            JsonObject out = o.getAsJsonObject();
            if (out.get("msg_type").getAsString().equals("execute_result")) {
                String[] parts = out.getAsJsonObject("content").getAsJsonObject("data").get("text/plain").getAsString()
                        .replace("\"", "").split(" ");
                return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
            }
        }
        throw new AssertionError("no memory figures in " + cell);
    }
}
