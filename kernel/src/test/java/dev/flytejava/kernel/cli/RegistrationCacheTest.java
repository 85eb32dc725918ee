package dev.flytejava.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.kernel.headless.NotebookCells.Cell;
import dev.flytejava.runtime.idl.CompiledEntities;
import dev.flytejava.runtime.packaging.ShippedCode;
import dev.flytejava.runtime.remote.RegistrationPlan;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the registration cache keys a plan by, which notebooks it refuses, and how it survives a bad file. */
class RegistrationCacheTest {
    @TempDir
    Path dir;

    private static List<Cell> cells(String... sources) {
        List<Cell> out = new java.util.ArrayList<>();
        for (int i = 0; i < sources.length; i++) out.add(new Cell(i, sources[i], List.of()));
        return out;
    }

    private static String key(List<Cell> cells, String entity, Map<String, String> env) throws Exception {
        return RegistrationCache.key(cells, entity, null, null, env);
    }

    @Test
    void theKeyFollowsTheCellsTheEntityTheOptionsAndOurEnvironment() throws Exception {
        List<Cell> cells = cells("%%task\nlong inc(long x) { return x + 1; }", "%%workflow\nlong wf(long x) { return inc(x); }");
        String key = key(cells, "wf", Map.of());
        assertEquals(key, key(cells, "wf", Map.of()), "the same inputs, the same key");
        assertTrue(key.matches("[0-9a-f]{64}"), key);
        assertNotEquals(key, key(cells("%%task\nlong inc(long x) { return x + 2; }", cells.get(1).source()), "wf", Map.of()));
        assertNotEquals(key, key(cells, "inc", Map.of()));
        assertNotEquals(key, RegistrationCache.key(cells, "wf", "v1", null, Map.of()));
        assertNotEquals(key, RegistrationCache.key(cells, "wf", null, "my/image:1", Map.of()));
        assertNotEquals(key, key(cells, "wf", Map.of("FLYTE_JAVA_IMAGE", "other:1")));
        assertEquals(key, key(cells, "wf", Map.of("FLYTE_JAVA_OPTS", "-Xmx1g", "HOME", "/elsewhere")),
                "how the JVM runs and others' variables do not make another plan");
        // cell boundaries count: the same text split differently is another notebook
        assertNotEquals(key(cells("ab", "c"), "wf", Map.of()), key(cells("a", "bc"), "wf", Map.of()));
    }

    @Test
    void cellsThatReadOutsideTheNotebookAreNotCached() {
        assertEquals(Optional.empty(), RegistrationCache.uncacheable(cells("int x = 1;", "%%task\nlong f(long x) { return x; }"), false));
        assertEquals(Optional.of("cell 1 uses %jars, which reads outside the notebook"),
                RegistrationCache.uncacheable(cells("int x = 1;", "  %jars lib/*.jar"), false));
        assertTrue(RegistrationCache.uncacheable(cells("%maven org.x:y:1"), false).isPresent());
        assertTrue(RegistrationCache.uncacheable(cells("%load Helper.java"), false).isPresent());
        assertTrue(RegistrationCache.uncacheable(cells("%%sh\nls"), false).isPresent());
        assertTrue(RegistrationCache.uncacheable(cells("%flyte config endpoint=dns:///x"), false).get().contains("--config"));
        assertEquals(Optional.empty(), RegistrationCache.uncacheable(cells("%flyte config endpoint=dns:///x"), true),
                "--config replaces the cell's config");
        assertEquals(Optional.empty(), RegistrationCache.uncacheable(cells("String s = \"%jars\";"), false),
                "only a magic line counts");
    }

    @Test
    void keepsAPlanAndDropsAnUnreadableOneSayingSo() throws Exception {
        RegistrationCache cache = new RegistrationCache(dir);
        ShippedCode code = ShippedCode.of(Map.of("a.txt", "a".getBytes(StandardCharsets.UTF_8)));
        RegistrationPlan plan = new RegistrationPlan(new CompiledEntities(List.of(), "v"), code);
        String key = "ab".repeat(32);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertEquals(Optional.empty(), cache.load(key, errors));
        Path file = cache.save(key, plan);
        assertEquals(cache.file(key), file);
        assertEquals(code.digest(), cache.load(key, errors).orElseThrow().code().digest());
        try (var left = Files.list(file.getParent())) {
            assertEquals(List.of(file), left.toList(), "no partial file is left beside it");
        }

        Files.write(file, new byte[] {1, 2, 3});
        assertEquals(Optional.empty(), cache.load(key, errors));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("ignoring the unreadable registration plan " + file),
                err.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(file), "removed, so that the next registration makes it anew");
    }

    @Test
    void anUntouchedNotebookFileIsFoundByItsLinkAndATouchedOneIsNot() throws Exception {
        RegistrationCache cache = new RegistrationCache(dir.resolve("cache"));
        Path notebook = Files.writeString(dir.resolve("n.ipynb"), "{\"cells\": []}");
        Path jar = Files.writeString(dir.resolve("flyte-java.jar"), "a jar");
        List<String> options = List.of("wf", "null", "null", "false");
        String described = RegistrationCache.describe(notebook, options, Map.of(), jar.toString()).orElseThrow();
        String key = "cd".repeat(32);
        assertEquals(Optional.empty(), cache.linkedKey(described));
        cache.link(described, key);
        assertEquals(Optional.of(key), cache.linkedKey(RegistrationCache.describe(notebook, options, Map.of(), jar.toString()).orElseThrow()));

        Files.setLastModifiedTime(notebook, FileTime.fromMillis(Files.getLastModifiedTime(notebook).toMillis() + 2000));
        assertEquals(Optional.empty(), cache.linkedKey(RegistrationCache.describe(notebook, options, Map.of(), jar.toString()).orElseThrow()));
        assertEquals(Optional.empty(), cache.linkedKey(RegistrationCache.describe(notebook, List.of("other"), Map.of(), jar.toString()).orElseThrow()));
        assertEquals(Optional.empty(), RegistrationCache.describe(notebook, options, Map.of(), dir.toString()),
                "a class folder can change under its name: no link");
    }
}
