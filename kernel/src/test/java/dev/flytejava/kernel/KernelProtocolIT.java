package dev.flytejava.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.flytejava.kernel.magics.TestJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel's protocol behaviour, driven by the real Jupyter client against the installed kernelspec. */
class KernelProtocolIT extends KernelCase {

    @Test
    void interruptRequestStopsAnEndlessLoopWithinOneSecondAndTheKernelLivesOn() {
        assertInterrupted(scenario("interrupt", interruptSpec("message")));
    }

    @Test
    void sigintStopsAnEndlessLoopWithinOneSecondAndTheKernelLivesOn() {
        assertInterrupted(scenario("interrupt", interruptSpec("signal")));
    }

    /** The next cell also counts the other snippet threads still alive: the interrupted loop's, if it could not be stopped. */
    private static Map<String, Object> interruptSpec(String mode) {
        return Map.of("before", List.of(cell("int kept = 41;")), "code", "while (true) {}", "mode", mode,
                "delay", 1.0, "next", "(kept + 1) + \" \" + Thread.getAllStackTraces().keySet().stream()"
                        + ".filter(t -> t.getName().startsWith(\"flyte-java-snippet-\") && t != Thread.currentThread()).count()");
    }

    /**
     * Up to Java 19 the loop's thread is stopped; from Java 20 on nothing can stop a thread that ignores interrupts,
     * so the kernel gives it up, says so, and answers the next cell while the loop runs on.
     */
    private static void assertInterrupted(JsonObject r) {
        assertEquals("error", r.getAsJsonObject("reply").get("status").getAsString(), r.toString());
        assertEquals("Interrupted", r.getAsJsonObject("reply").get("ename").getAsString());
        double ms = r.get("interrupt_ms").getAsDouble();
        assertTrue(ms < 1000, "interrupt took " + ms + " ms");
        String evalue = r.getAsJsonObject("reply").get("evalue").getAsString();
        if (kernelJdkFeature() < 20) {
            assertEquals("the cell was interrupted", evalue);
            assertEquals("\"42 0\"", result(r.getAsJsonObject("next")), "the loop's thread was stopped: " + r);
        } else {
            assertEquals("the cell was interrupted, but its thread ignores interrupts and keeps running in the background (Java "
                    + kernelJdkFeature() + " cannot force a thread to stop); restart the kernel to end it", evalue);
            assertEquals("\"42 1\"", result(r.getAsJsonObject("next")), "the loop's thread runs on: " + r);
        }
        assertTrue(r.get("alive").getAsBoolean());
    }

    @Test
    void systemExitIsBlockedWithAClearErrorAndTheSessionSurvives() {
        Logged run = logged("cells", Map.of("cells", List.of(cell("int before = 7;"), cell("System.exit(3);"),
                cell("IntConsumer quit = System::exit; quit.accept(2);"), cell("before * 6")), "requests", List.of()), Map.of());
        JsonObject r = run.answer();
        assertBlocked("System.exit(3)", cellAt(r, 1));
        assertBlocked("System.exit(2)", cellAt(r, 2));
        assertEquals("42", result(cellAt(r, 3)));
        assertTrue(r.get("alive").getAsBoolean());
        assertNoSecurityManagerWarning(run.log());
    }

    @Test
    void runtimeHaltAndExitAreBlockedWithAClearErrorAndTheSessionSurvives() {
        Logged run = logged("cells", Map.of("cells", List.of(cell("int before = 7;"), cell("Runtime.getRuntime().halt(1);"),
                cell("Runtime.getRuntime().exit(4);"), cell("before * 6")), "requests", List.of()), Map.of());
        JsonObject r = run.answer();
        assertBlocked("Runtime.halt(1)", cellAt(r, 1));
        assertBlocked("Runtime.exit(4)", cellAt(r, 2));
        assertEquals("42", result(cellAt(r, 3)));
        assertTrue(r.get("alive").getAsBoolean());
        assertNoSecurityManagerWarning(run.log());
    }

    private static final String QUITTER = "package demo; public class Quitter {"
            + " public static String quit(int status) { System.exit(status); return \"still here\"; } }";

    @Test
    void aClasspathLibraryCallingSystemExitIsBlockedAndTheSessionSurvives(@TempDir Path dir) throws Exception {
        Path jar = TestJars.jarWithSource(dir.resolve("quitter.jar"), "Quitter", QUITTER);
        Logged run = logged("cells", Map.of("cells", List.of(cell("int before = 7;"), cell("%classpath add " + jar),
                cell("demo.Quitter.quit(5)"), cell("before * 6")), "requests", List.of()), Map.of());
        JsonObject r = run.answer();
        assertEquals("ok", cellAt(r, 1).getAsJsonObject("reply").get("status").getAsString(), cellAt(r, 1).toString());
        assertBlocked("System.exit(5)", cellAt(r, 2));
        assertEquals("42", result(cellAt(r, 3)));
        assertTrue(r.get("alive").getAsBoolean());
        assertNoSecurityManagerWarning(run.log());
    }

    /**
     * The library comes from a file repository that the kernel's Maven settings mirror every repository to, under a
     * home of its own ({@code user.home} through {@code JAVA_TOOL_OPTIONS}): nothing is downloaded or written to ~/.m2.
     */
    @Test
    void aMavenLibraryCallingSystemExitIsBlockedAndTheSessionSurvives(@TempDir Path home) throws Exception {
        Path repo = home.resolve("repo");
        Path version = Files.createDirectories(repo.resolve("dev/flytejava/test/quitter/1.0"));
        TestJars.jarWithSource(version.resolve("quitter-1.0.jar"), "Quitter", QUITTER);
        Files.writeString(version.resolve("quitter-1.0.pom"), "<project><modelVersion>4.0.0</modelVersion><groupId>dev.flytejava.test</groupId>"
                + "<artifactId>quitter</artifactId><version>1.0</version></project>");
        Files.createDirectories(home.resolve(".m2"));
        Files.writeString(home.resolve(".m2/settings.xml"), "<settings><mirrors><mirror><id>files</id><mirrorOf>*</mirrorOf><url>"
                + repo.toUri() + "</url></mirror></mirrors></settings>");
        Logged run = logged("cells", Map.of("cells", List.of(cell("int before = 7;"), cell("%maven dev.flytejava.test:quitter:1.0"),
                        cell("demo.Quitter.quit(6)"), cell("before * 6")), "requests", List.of()),
                Map.of("JAVA_TOOL_OPTIONS", "-Duser.home=" + home));
        JsonObject r = run.answer();
        assertEquals("ok", cellAt(r, 1).getAsJsonObject("reply").get("status").getAsString(), cellAt(r, 1).toString());
        assertBlocked("System.exit(6)", cellAt(r, 2));
        assertEquals("42", result(cellAt(r, 3)));
        assertTrue(r.get("alive").getAsBoolean());
        assertNoSecurityManagerWarning(run.log());
    }

    private static void assertBlocked(String call, JsonObject cell) {
        JsonObject reply = cell.getAsJsonObject("reply");
        assertEquals("error", reply.get("status").getAsString(), cell.toString());
        assertEquals("SystemExit", reply.get("ename").getAsString(), cell.toString());
        assertEquals(call + " was blocked: it would end the kernel; use Kernel > Restart", reply.get("evalue").getAsString());
    }

    @Test
    void kernelInfoReportsTheJdkTheKernelRunsOn() {
        JsonObject r = cells(List.of(), List.of(Map.of("kind", "kernel_info")));
        JsonObject info = r.getAsJsonArray("requests").get(0).getAsJsonObject();
        assertEquals(kernelJdkRelease("JAVA_RUNTIME_VERSION"), info.getAsJsonObject("language_info").get("version").getAsString(), info.toString());
        assertEquals("https://docs.oracle.com/en/java/javase/" + kernelJdkFeature() + "/docs/api/",
                info.getAsJsonArray("help_links").get(0).getAsJsonObject().get("url").getAsString());
    }

    @Test
    void aMessageWithABadSignatureGetsNoReplyAndTheKernelKeepsServing() {
        JsonObject r = scenario("bad_signature", Map.of("wait", 2.0));
        assertFalse(r.get("forged_got_reply").getAsBoolean(), "a forged request was answered");
        assertEquals("ok", r.getAsJsonObject("good").getAsJsonObject("content").get("status").getAsString());
        assertEquals("3", result(r.getAsJsonObject("cell")));
    }

    @Test
    void aLongListResultShowsItsFirstThousandElementsAndHowManyMore() {
        JsonObject r = cells(List.of(cell("java.util.stream.LongStream.range(0, 1_000_000).boxed().toList()"), cell("List.of(1, 2)")), List.of());
        String big = result(cellAt(r, 0));
        assertTrue(big.startsWith("[0, 1, 2") && big.endsWith(", 999, ... 999000 more]"), big.substring(0, Math.min(200, big.length())));
        assertEquals("[1, 2]", result(cellAt(r, 1)));
    }

    @Test
    void systemInReadsBecomeInputRequests() {
        Map<String, Object> read = new LinkedHashMap<>();
        read.put("code", "System.out.print(\"name? \"); String name = new Scanner(System.in).nextLine(); \"hello \" + name");
        read.put("allow_stdin", true);
        read.put("stdin", List.of("Ada"));
        JsonObject r = cells(List.of(read), List.of());
        JsonObject c = cellAt(r, 0);
        assertTrue(types(c).contains("input_request"), c.toString());
        assertEquals("\"hello Ada\"", result(c));
        assertEquals("name? ", streamText(c, "stdout"));
    }

    @Test
    void compileErrorsNameLineAndColumnInTheCell() {
        JsonObject r = cells(List.of(cell("int a = 1;\nint b = a + missing;\n")), List.of());
        JsonObject reply = cellAt(r, 0).getAsJsonObject("reply");
        assertEquals("error", reply.get("status").getAsString());
        assertEquals("CompilationError", reply.get("ename").getAsString());
        assertTrue(reply.get("evalue").getAsString().startsWith("line 2, column 13: cannot find symbol"), reply.toString());
    }

    @Test
    void runtimeExceptionsShowTheExceptionAndUserFrames() {
        JsonObject r = cells(List.of(cell("int divide(int x) { return x / 0; }"), cell("divide(4)")), List.of());
        JsonObject reply = cellAt(r, 1).getAsJsonObject("reply");
        assertEquals("java.lang.ArithmeticException", reply.get("ename").getAsString());
        assertEquals("/ by zero", reply.get("evalue").getAsString());
        String trace = reply.get("traceback").toString();
        assertTrue(trace.contains("divide(cell code)"), trace);
        assertFalse(trace.contains("dev.flytejava.kernel"), trace);
    }

    @Test
    void displayUpdateDisplayAndClearOutput() {
        JsonObject r = cells(List.of(
                cell("String id = display(Display.html(\"<b>0%</b>\"));"),
                cell("updateDisplay(id, Display.html(\"<b>100%</b>\"));"),
                cell("display(Display.svg(\"<svg/>\")); display(\"<i>x</i>\", \"text/html\"); display(Display.png(new byte[] {1, 2}));"),
                cell("System.out.println(\"soon gone\"); clearOutput(true);")), List.of());
        JsonObject shown = find(cellAt(r, 0), "display_data");
        String id = shown.getAsJsonObject("transient").get("display_id").getAsString();
        assertEquals("<b>0%</b>", shown.getAsJsonObject("data").get("text/html").getAsString());
        JsonObject update = find(cellAt(r, 1), "update_display_data");
        assertEquals(id, update.getAsJsonObject("transient").get("display_id").getAsString());
        assertEquals("<b>100%</b>", update.getAsJsonObject("data").get("text/html").getAsString());
        List<String> mimes = new ArrayList<>();
        for (JsonElement o : cellAt(r, 2).getAsJsonArray("outputs")) {
            JsonObject out = o.getAsJsonObject();
            if (out.get("msg_type").getAsString().equals("display_data")) {
                mimes.addAll(out.getAsJsonObject("content").getAsJsonObject("data").keySet());
            }
        }
        assertTrue(mimes.containsAll(List.of("image/svg+xml", "text/html", "image/png", "text/plain")), mimes.toString());
        JsonObject clear = find(cellAt(r, 3), "clear_output");
        assertTrue(clear.get("wait").getAsBoolean());
        assertEquals(List.of("execute_input", "stream", "clear_output"), types(cellAt(r, 3)));
    }

    @Test
    void outputStreamsWhileTheCellRuns() {
        JsonObject r = cells(List.of(cell("System.out.println(\"first\"); Thread.sleep(1500); System.out.println(\"second\");")), List.of());
        List<Double> times = new ArrayList<>();
        for (JsonElement o : cellAt(r, 0).getAsJsonArray("outputs")) {
            JsonObject out = o.getAsJsonObject();
            if (out.get("msg_type").getAsString().equals("stream")) times.add(out.get("t").getAsDouble());
        }
        assertEquals(2, times.size(), r.toString());
        assertTrue(times.get(1) - times.get(0) > 1.0, "first line was not sent before the sleep: " + times);
    }

    @Test
    void stopOnErrorAbortsTheQueuedCells() {
        JsonObject r = scenario("stop_on_error", Map.of(
                "queued", List.of("1", "Thread.sleep(500); throw new RuntimeException(\"stop\");", "2", "3"),
                "next", "4"));
        JsonArray replies = r.getAsJsonArray("replies");
        assertEquals("ok", replies.get(0).getAsJsonObject().get("status").getAsString());
        assertEquals("error", replies.get(1).getAsJsonObject().get("status").getAsString());
        assertEquals("aborted", replies.get(2).getAsJsonObject().get("status").getAsString());
        assertEquals("aborted", replies.get(3).getAsJsonObject().get("status").getAsString());
        assertEquals("4", result(r.getAsJsonObject("next")));
    }

    @Test
    void silentCellsPublishNoInputNorResultAndKeepTheCount() {
        Map<String, Object> silent = new LinkedHashMap<>();
        silent.put("code", "int hidden = 5; hidden");
        silent.put("silent", true);
        JsonObject r = cells(List.of(cell("1"), silent, cell("hidden + 1")), List.of());
        JsonObject s = cellAt(r, 1);
        assertEquals(List.of(), types(s));
        assertEquals(1, s.getAsJsonObject("reply").get("execution_count").getAsInt());
        assertEquals(2, cellAt(r, 2).getAsJsonObject("reply").get("execution_count").getAsInt());
        assertEquals("6", result(cellAt(r, 2)));
    }

    @Test
    void historyKeepsStoredCellsAndUserExpressionsAreEvaluated() {
        Map<String, Object> withExpr = new LinkedHashMap<>();
        withExpr.put("code", "int n = 20;");
        withExpr.put("user_expressions", Map.of("twice", "n * 2", "bad", "nope()"));
        JsonObject r = cells(List.of(cell("String greet = \"hi\";"), withExpr, cell("greet + n")),
                List.of(Map.of("kind", "history", "hist_access_type", "tail", "n", 2, "output", true, "raw", true),
                        Map.of("kind", "history", "hist_access_type", "search", "pattern", "String*", "output", false, "raw", true)));
        JsonObject exprs = cellAt(r, 1).getAsJsonObject("reply").getAsJsonObject("user_expressions");
        assertEquals("40", exprs.getAsJsonObject("twice").getAsJsonObject("data").get("text/plain").getAsString());
        assertEquals("error", exprs.getAsJsonObject("bad").get("status").getAsString());
        JsonArray tail = r.getAsJsonArray("requests").get(0).getAsJsonObject().getAsJsonArray("history");
        assertEquals(2, tail.size());
        assertEquals("int n = 20;", tail.get(0).getAsJsonArray().get(2).getAsJsonArray().get(0).getAsString());
        assertEquals("\"hi20\"", tail.get(1).getAsJsonArray().get(2).getAsJsonArray().get(1).getAsString());
        JsonArray search = r.getAsJsonArray("requests").get(1).getAsJsonObject().getAsJsonArray("history");
        assertEquals(1, search.size());
        assertEquals(1, search.get(0).getAsJsonArray().get(1).getAsInt());
    }

    @Test
    void inspectShowsATasksFlyteInterfaceFromInsideItsNameAndCompletionHidesTheMagicsHelpers() {
        JsonObject r = cells(List.of(cell("%%task\nlong addOne(long x) { return x + 1; }"), cell("String s = \"abc\";")),
                List.of(Map.of("kind", "inspect", "code", "addOne(1)", "cursor_pos", 3),
                        Map.of("kind", "inspect", "code", "s.substring(1)", "cursor_pos", 8),
                        Map.of("kind", "complete", "code", "long a = ", "cursor_pos", 9)));
        JsonObject task = r.getAsJsonArray("requests").get(0).getAsJsonObject();
        assertTrue(task.get("found").getAsBoolean(), task.toString());
        assertEquals("task addOne\n  x: INTEGER -> o0: INTEGER\n\nlong addOne(long x)",
                task.getAsJsonObject("data").get("text/plain").getAsString(), "the Flyte interface above JShell's signature");
        assertTrue(task.getAsJsonObject("data").get("text/html").getAsString().contains("<b>addOne</b>"), task.toString());
        JsonObject jdk = r.getAsJsonArray("requests").get(1).getAsJsonObject();
        assertTrue(jdk.getAsJsonObject("data").get("text/plain").getAsString().startsWith("String String.substring(int beginIndex)"),
                jdk.toString());
        String matches = r.getAsJsonArray("requests").get(2).getAsJsonObject().getAsJsonArray("matches").toString();
        assertTrue(matches.contains("\"addOne(\""), matches);
        assertFalse(matches.contains("__flyte_"), matches);
    }

    @Test
    void unknownMagicsListTheKnownOnesAndEarlierDeclarationsSurvive() {
        JsonObject r = cells(List.of(cell("int kept = 3;"), cell("%no_such_magic x"), cell("%%no_such_cell\nbody"), cell("kept")), List.of());
        String evalue = cellAt(r, 1).getAsJsonObject("reply").get("evalue").getAsString();
        assertTrue(evalue.startsWith("Unknown magic [%no_such_magic]; known magics: "), evalue);
        assertTrue(cellAt(r, 2).getAsJsonObject("reply").get("evalue").getAsString().startsWith("Unknown magic [%%no_such_cell]"));
        assertEquals("3", result(cellAt(r, 3)));
    }

    @Test
    void restartGivesAFreshSession() {
        JsonObject r = scenario("restart", Map.of("before", "int gone = 1;", "after", List.of("gone", "1 + 1")));
        assertEquals("ok", r.getAsJsonObject("before").getAsJsonObject("reply").get("status").getAsString());
        JsonArray after = r.getAsJsonArray("after");
        assertEquals("CompilationError", after.get(0).getAsJsonObject().getAsJsonObject("reply").get("ename").getAsString());
        assertEquals("2", result(after.get(1).getAsJsonObject()));
        assertEquals(2, after.get(1).getAsJsonObject().getAsJsonObject("reply").get("execution_count").getAsInt(),
                "execution counts start again after a restart");
    }

    @Test
    void commsToUnknownTargetsAreClosed() {
        JsonObject r = scenario("comm", Map.of());
        JsonObject close = find(r, "comm_close");
        assertEquals("c-1", close.get("comm_id").getAsString());
        assertEquals("ok", r.getAsJsonObject("comm_info").get("status").getAsString());
        assertEquals(0, r.getAsJsonObject("comm_info").getAsJsonObject("comms").size());
    }

    // --- helpers over the driver's JSON ---

    private static JsonObject cells(List<Map<String, Object>> cells, List<Map<String, Object>> requests) {
        return scenario("cells", Map.of("cells", cells, "requests", requests));
    }

    private static JsonObject cellAt(JsonObject r, int i) {
        return r.getAsJsonArray("cells").get(i).getAsJsonObject();
    }

    private static List<String> types(JsonObject cell) {
        List<String> types = new ArrayList<>();
        for (JsonElement o : cell.getAsJsonArray("outputs")) types.add(o.getAsJsonObject().get("msg_type").getAsString());
        return types;
    }

    private static JsonObject find(JsonObject cell, String type) {
        for (JsonElement o : cell.getAsJsonArray("outputs")) {
            if (o.getAsJsonObject().get("msg_type").getAsString().equals(type)) return o.getAsJsonObject().getAsJsonObject("content");
        }
        throw new AssertionError("no [" + type + "] in " + cell);
    }

    private static String result(JsonObject cell) {
        assertEquals("ok", cell.getAsJsonObject("reply").get("status").getAsString(), cell.toString());
        JsonObject content = find(cell, "execute_result");
        assertNotNull(content);
        return content.getAsJsonObject("data").get("text/plain").getAsString();
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
