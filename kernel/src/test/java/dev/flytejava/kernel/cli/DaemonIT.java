package dev.flytejava.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.testkit.admin.TestAdminExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/flyte-java with its daemon: a registration starts one for the next, which then serves the registrations of
 * the unchanged notebook (from any working folder) with the output the command prints on its own, declines the rest
 * (which the command then runs itself), and stops on {@code daemon stop} or when idle.
 */
class DaemonIT {
    private static final Path LAUNCHER = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
            .resolve("../bin/flyte-java").normalize();
    private static final Pattern PID = Pattern.compile("\\(pid (\\d+)\\)");

    @RegisterExtension
    static final TestAdminExtension ADMIN = new TestAdminExtension();

    @TempDir
    Path dir;
    private Path config;
    private Path notebook;

    private record Ran(int status, String out, String err) {}

    @BeforeEach
    void notebookAndConfig() throws IOException {
        config = dir.resolve("config.yaml");
        Files.writeString(config, "admin:\n  endpoint: " + ADMIN.endpoint() + "\n  insecure: true\n");
        notebook = dir.resolve("pair.ipynb");
        String cells = cell("%%task\\nlong plusOne(long x) { return x + 1; }") + ","
                + cell("%%workflow\\nlong pair(long x) {\\n    long a = plusOne(x);\\n    return plusOne(a);\\n}");
        Files.writeString(notebook, "{\"cells\": [" + cells + "], \"metadata\": {\"kernelspec\": {\"name\": \"flyte-java\","
                + " \"language\": \"java\", \"display_name\": \"Java (Flyte)\"}}, \"nbformat\": 4, \"nbformat_minor\": 5}");
    }

    private static String cell(String source) {
        return "{\"cell_type\": \"code\", \"execution_count\": null, \"metadata\": {}, \"outputs\": [], \"source\": \""
                + source + "\"}";
    }

    @AfterEach
    void stopTheDaemon() throws Exception {
        launch(Map.of(), dir, "daemon", "stop");
        for (Path log : logs()) {
            Matcher m = PID.matcher(Files.readString(log));
            while (m.find()) ProcessHandle.of(Long.parseLong(m.group(1))).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private Map<String, String> env(Map<String, String> more) {
        Map<String, String> env = new HashMap<>(Map.of("FLYTE_JAVA_DAEMON", "1", "FLYTE_JAVA_DAEMON_DIR", dir.resolve("d").toString(),
                "FLYTE_JAVA_CACHE_DIR", dir.resolve("cache").toString(), "FLYTE_JAVA_CDS", "0"));
        env.putAll(more);
        return env;
    }

    private Ran launch(Map<String, String> more, Path cwd, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
        pb.environment().remove("FLYTE_JAVA_OPTS");
        pb.environment().putAll(env(more));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("bin/flyte-java " + String.join(" ", args) + " did not end in 120 s");
        }
        return new Ran(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private Ran register(Map<String, String> more, Path cwd, String notebookPath, String domain) throws Exception {
        return launch(more, cwd, "register", notebookPath, "pair", "--config", config.toString(), "--domain", domain);
    }

    private List<Path> logs() throws IOException {
        Path d = dir.resolve("d");
        if (!Files.isDirectory(d)) return List.of();
        try (var files = Files.list(d)) {
            return files.filter(f -> f.toString().endsWith(".log")).toList();
        }
    }

    /** The daemons' logs (unchecked, so that a {@link #within} condition can read them). */
    private String log() {
        StringBuilder all = new StringBuilder();
        try {
            for (Path log : logs()) all.append(Files.readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.toString();
    }

    private long count(String text, String what) {
        return text.lines().filter(l -> l.contains(what)).count();
    }

    private static void within(int seconds, String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError(what + " within " + seconds + " s");
            Thread.sleep(100);
        }
    }

    private boolean listening() {
        try (var files = Files.list(dir.resolve("d"))) {
            return files.anyMatch(f -> f.toString().endsWith(".sock"));
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void theDaemonServesUnchangedRegistrationsAsTheCommandWouldAndDeclinesTheRest() throws Exception {
        int launchPlans = ADMIN.calls("CreateLaunchPlan");
        Ran first = register(Map.of(), dir, notebook.toString(), "development");
        assertEquals(0, first.status(), first.err());
        assertTrue(first.out().contains("created"), first.out());
        within(30, "a daemon listens after the first registration", this::listening);
        within(60, "the daemon warms up by repeating the first registration",
                () -> log().contains("warmed up by repeating register: exit 0"));
        assertEquals(0, count(log(), "served"), "the warm-up is not a served command: " + log());
        assertEquals(launchPlans + 1, ADMIN.calls("CreateLaunchPlan"), "the warm-up found the launch plan registered, and created nothing");

        int creates = ADMIN.calls("CreateTask") + ADMIN.calls("CreateWorkflow") + ADMIN.calls("CreateLaunchPlan");
        Ran served = register(Map.of(), dir, notebook.toString(), "staging");
        assertEquals(0, served.status(), served.err());
        assertEquals(1, count(log(), "served, exit 0"), log());
        assertTrue(served.out().startsWith("Registered pair in flytesnacks/staging"), served.out());
        assertTrue(served.err().contains("not run again"), served.err());
        assertTrue(ADMIN.calls("CreateLaunchPlan") > 0
                && ADMIN.calls("CreateTask") + ADMIN.calls("CreateWorkflow") + ADMIN.calls("CreateLaunchPlan") == creates + 3,
                "the daemon created the task, the workflow and the launch plan in staging");

        Ran alone = register(Map.of("FLYTE_JAVA_DAEMON", "0"), dir, notebook.toString(), "staging");
        Ran daemon = register(Map.of(), dir, notebook.toString(), "staging");
        assertEquals(2, count(log(), "served, exit 0"), log());
        assertEquals(alone, daemon, "the daemon prints what the command prints on its own, and exits as it does");
        assertTrue(daemon.out().contains("unchanged") && !daemon.out().contains("created"), daemon.out());

        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Ran relative = register(Map.of(), elsewhere, "../pair.ipynb", "staging");
        assertEquals(daemon, relative, "paths are the client's");
        assertEquals(3, count(log(), "served, exit 0"), log());

        Ran otherEnv = register(Map.of("FLYTE_JAVA_PLAN_NOTE", "other"), dir, notebook.toString(), "staging");
        assertEquals(0, otherEnv.status(), otherEnv.err());
        assertEquals(1, count(log(), "declined"), "the client's FLYTE_JAVA_* environment keys the plan: " + log());
        assertFalse(otherEnv.err().contains("not run again"), "the command ran its cells itself: " + otherEnv.err());

        Ran status = launch(Map.of(), dir, "daemon", "status");
        assertEquals(0, status.status(), status.err());
        assertTrue(status.out().contains("3 commands served"), status.out());
        Ran stop = launch(Map.of(), dir, "daemon", "stop");
        assertEquals(0, stop.status(), stop.err());
        within(10, "the stopped daemon removes its socket", () -> !listening());
        assertEquals(3, launch(Map.of(), dir, "daemon", "status").status(), "none runs");
    }

    @Test
    void anIdleDaemonExitsAndNoneStartsWhenSwitchedOff() throws Exception {
        Ran off = register(Map.of("FLYTE_JAVA_DAEMON", "0"), dir, notebook.toString(), "production");
        assertEquals(0, off.status(), off.err());
        Thread.sleep(1000);
        assertFalse(listening(), "FLYTE_JAVA_DAEMON=0 starts no daemon");

        Ran first = register(Map.of("FLYTE_JAVA_DAEMON_IDLE", "2"), dir, notebook.toString(), "production");
        assertEquals(0, first.status(), first.err());
        within(30, "a daemon listens", this::listening);
        Matcher pid = PID.matcher(log());
        assertTrue(pid.find(), log());
        ProcessHandle daemon = ProcessHandle.of(Long.parseLong(pid.group(1))).orElseThrow();
        within(30, "the idle daemon exits", () -> !daemon.isAlive());
        assertFalse(listening(), "and removes its socket");
        assertTrue(log().contains("idle for 2 s"), log());
    }
}
