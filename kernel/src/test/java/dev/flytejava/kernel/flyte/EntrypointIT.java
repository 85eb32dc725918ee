package dev.flytejava.kernel.flyte;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flytejava.runtime.code.TarExtractor;
import dev.flytejava.runtime.storage.Storage;
import dev.flytejava.runtime.storage.StorageUri;
import dev.flytejava.testkit.storage.CuttingProxy;
import dev.flytejava.testkit.storage.EmbeddedS3;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.core.Errors.ErrorDocument;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-container entrypoint end to end, as a Flyte pod runs it: a task declared in the real kernel (its closure
 * holds a helper method and a record) is packaged with {@code %flyte package}; a fresh JVM with only the shaded jar,
 * an empty home and no Maven repository downloads that code, reads an {@code inputs.pb} written by flytekit, and
 * writes an {@code outputs.pb} that flytekit reads back; on {@code file://} and on {@code s3://} (an embedded
 * S3-protocol server). Failures write {@code error.pb}: USER for a task that throws, SYSTEM for missing code or
 * unreadable inputs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntrypointIT extends FlyteKernelCase {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path work;
    private Path growCode;
    private Path explodeCode;
    private Path flipCode;
    private Cell flipShown;
    private TaskSpec growSpec;

    @BeforeAll
    void packageInTheKernel(@TempDir Path dir) throws Exception {
        work = dir;
        List<Cell> cells = runCells(List.of(
                "record Box(long w, String label) {}",
                "long square(long x) { return x * x; }",
                "%%task\nBox grow(Box b, long by) { return new Box(square(b.w()) + by, b.label() + \"!\"); }",
                "%%task\nlong explode(long x) { throw new IllegalStateException(\"exploded at \" + x); }",
                "%flyte package grow --output " + dir.resolve("grow.tgz"),
                "%flyte package explode --output " + dir.resolve("explode.tgz"),
                "record Pt(long x, long y) {\n    static Pt parse(String s) { String[] p = s.split(\",\"); return new Pt(Long.parseLong(p[0]), Long.parseLong(p[1])); }\n}",
                "TypeEngine.register(TypeTransformer.via(Pt.class, String.class, p -> p.x() + \",\" + p.y(), Pt::parse));",
                "%%task\nPt flip(Pt p) { return new Pt(p.y(), p.x()); }",
                "%flyte show flip",
                "%flyte package flip --output " + dir.resolve("flip.tgz")), dir.resolve("cache"));
        for (Cell c : cells) assertTrue(c.ok(), c.toString());
        flipShown = cells.get(cells.size() - 2);
        flipCode = codeOf(dir.resolve("flip.tgz"), dir.resolve("flip"));
        growCode = codeOf(dir.resolve("grow.tgz"), dir.resolve("grow"));
        explodeCode = codeOf(dir.resolve("explode.tgz"), dir.resolve("explode"));
        try (Stream<Path> specs = Files.list(dir.resolve("grow"))) {
            Path spec = specs.filter(p -> p.getFileName().toString().endsWith("_1.pb")).findFirst().orElseThrow();
            growSpec = TaskSpec.parseFrom(Files.readAllBytes(spec));
        }
    }

    /** Unpacks a package and returns its fast archive (the shipped code). */
    private static Path codeOf(Path pkg, Path into) throws IOException {
        try (InputStream in = Files.newInputStream(pkg)) {
            TarExtractor.extract(in, into);
        }
        try (Stream<Path> files = Files.list(into)) {
            return files.filter(p -> p.getFileName().toString().matches("fast[0-9a-f]+\\.tar\\.gz")).findFirst().orElseThrow();
        }
    }

    @Test
    void theCompiledTaskCallsTheEntrypoint() {
        List<String> args = growSpec.getTemplate().getContainer().getArgsList();
        assertEquals(List.of("flyte-java", "entrypoint", "--task", "grow", "--code", "{{ .remote_package_path }}"), args.subList(0, 6));
    }

    @Test
    void onFileStorageFlytekitInputsGiveOutputsFlytekitReads() throws Exception {
        Path inputs = work.resolve("file-inputs.pb");
        peer("write-inputs", inputs);
        Path out = work.resolve("file-out");
        Result r = entrypoint("grow", growCode.toUri().toString(), inputs.toUri().toString(), out.toUri().toString(), Map.of());
        assertEquals(0, r.exit(), r.stderr());
        assertTrue(Files.isRegularFile(out.resolve("outputs.pb")), r.stderr());
        JsonNode read = JSON.readTree(peer("read-outputs", out.resolve("outputs.pb")));
        assertEquals("Box", read.path("type").asText());
        assertEquals(19, read.path("value").path("w").asInt(), read.toString());
        assertEquals("box!", read.path("value").path("label").asText(), read.toString());
    }

    @Test
    void onS3TheCodeInputsAndOutputsGoThroughTheStore() throws Exception {
        Path inputs = work.resolve("s3-inputs.pb");
        peer("write-inputs", inputs);
        try (EmbeddedS3 s3 = EmbeddedS3.start(); Storage storage = s3.newStorage()) {
            StorageUri code = stageCode(s3, storage);
            StorageUri in = s3.uri("metadata/n0/inputs.pb");
            storage.write(in, Files.readAllBytes(inputs));
            StorageUri prefix = s3.uri("metadata/n0/0");
            Result r = entrypoint("grow", code.toString(), in.toString(), prefix.toString(), s3.environment());
            assertEquals(0, r.exit(), r.stderr());
            Path local = work.resolve("s3-outputs.pb");
            Files.write(local, storage.read(prefix.resolve("outputs.pb")));
            JsonNode read = JSON.readTree(peer("read-outputs", local));
            assertEquals(19, read.path("value").path("w").asInt(), read.toString());
            assertEquals("box!", read.path("value").path("label").asText());
        }
    }

    @Test
    void storageThatIsDownIsRetriedAndTheAttemptFailsWithoutAnyOutputsPb() throws Exception {
        Path inputs = work.resolve("down-inputs.pb");
        peer("write-inputs", inputs);
        try (EmbeddedS3 s3 = EmbeddedS3.start(); Storage storage = s3.newStorage()) {
            StorageUri code = stageCode(s3, storage);
            StorageUri in = s3.uri("metadata/down/inputs.pb");
            storage.write(in, Files.readAllBytes(inputs));
            StorageUri prefix = s3.uri("metadata/down/0");
            s3.stop(); // the store goes down before the container downloads anything
            Result r = entrypoint("grow", code.toString(), in.toString(), prefix.toString(), s3.environment());
            // neither outputs.pb nor error.pb can be written: a non-zero exit, so Flyte fails the attempt as a system error
            assertEquals(1, r.exit(), r.stderr());
            assertTrue(r.stderr().contains("could not write the outcome of task [grow] to [" + prefix + "]"), r.stderr());
            try (Stream<Path> files = Files.walk(s3.directory())) {
                assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith("outputs.pb")).toList());
            }
        }
    }

    @Test
    void transfersCutHalfwayAreRetriedAndTheAttemptSucceeds() throws Exception {
        Path inputs = work.resolve("cut-inputs.pb");
        peer("write-inputs", inputs);
        try (EmbeddedS3 s3 = EmbeddedS3.start(); Storage storage = s3.newStorage()) {
            StorageUri code = stageCode(s3, storage);
            StorageUri in = s3.uri("metadata/cut/inputs.pb");
            storage.write(in, Files.readAllBytes(inputs));
            // downloads: the code archive's first two GETs break after 2,000 bytes of the response
            // uploads: the first two PUTs (outputs.pb) break after 200 bytes of the request
            for (CuttingProxy.Direction direction : CuttingProxy.Direction.values()) {
                boolean download = direction == CuttingProxy.Direction.DOWNLOAD;
                StorageUri prefix = s3.uri("metadata/cut/" + direction);
                Result r;
                try (CuttingProxy proxy = CuttingProxy.start(s3.port(), direction, download ? "GET" : "PUT", download ? 2000 : 200, 2)) {
                    r = entrypoint("grow", code.toString(), in.toString(), prefix.toString(), throughProxy(s3, proxy));
                    assertEquals(0, r.exit(), r.stderr());
                    assertEquals(2, proxy.cuts(), direction + ": both faults were injected\n" + r.stderr());
                }
                Path local = work.resolve("cut-outputs-" + direction + ".pb");
                if (!storage.exists(prefix.resolve("outputs.pb"))) {
                    // this failed once in many runs (UPLOAD): say what the attempt did and what it left
                    try (Stream<Path> files = Files.walk(s3.directory())) {
                        throw new AssertionError(direction + ": no outputs.pb after exit 0; the store holds "
                                + files.filter(Files::isRegularFile).map(f -> s3.directory().relativize(f).toString()).toList()
                                + "\n" + r.stderr());
                    }
                }
                Files.write(local, storage.read(prefix.resolve("outputs.pb")));
                JsonNode read = JSON.readTree(peer("read-outputs", local));
                assertEquals(19, read.path("value").path("w").asInt(), direction + ": " + read);
            }
        }
    }

    @Test
    void transfersThatKeepBreakingFailTheAttemptWithoutAnyOutputsPb() throws Exception {
        Path inputs = work.resolve("broken-inputs.pb");
        peer("write-inputs", inputs);
        try (EmbeddedS3 s3 = EmbeddedS3.start(); Storage storage = s3.newStorage()) {
            StorageUri code = stageCode(s3, storage);
            StorageUri in = s3.uri("metadata/broken/inputs.pb");
            storage.write(in, Files.readAllBytes(inputs));

            StorageUri downloadPrefix = s3.uri("metadata/broken/download");
            try (CuttingProxy proxy = CuttingProxy.start(s3.port(), CuttingProxy.Direction.DOWNLOAD, "GET", 2000, 1000)) {
                Result r = entrypoint("grow", code.toString(), in.toString(), downloadPrefix.toString(), throughProxy(s3, proxy));
                assertEquals(0, r.exit(), "the error document is written: " + r.stderr());
                assertTrue(proxy.cuts() >= 2, "retried: " + proxy.cuts() + "\n" + r.stderr());
            }
            ErrorDocument doc = ErrorDocument.parseFrom(storage.read(downloadPrefix.resolve("error.pb")));
            assertEquals("SYSTEM", doc.getError().getCode(), doc.toString());
            assertEquals(flyteidl.core.Execution.ExecutionError.ErrorKind.SYSTEM, doc.getError().getOrigin());

            StorageUri uploadPrefix = s3.uri("metadata/broken/upload");
            try (CuttingProxy proxy = CuttingProxy.start(s3.port(), CuttingProxy.Direction.UPLOAD, "PUT", 200, 1000)) {
                Result r = entrypoint("grow", code.toString(), in.toString(), uploadPrefix.toString(), throughProxy(s3, proxy));
                // neither outputs.pb nor error.pb gets through: a non-zero exit, which Flyte takes as a system error
                assertEquals(1, r.exit(), r.stderr());
                assertTrue(r.stderr().contains("could not write the outcome of task [grow] to [" + uploadPrefix + "]"), r.stderr());
            }
            try (Stream<Path> files = Files.walk(s3.directory())) {
                assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith("outputs.pb")).toList(),
                        "a partial outputs.pb is never stored");
            }
        }
    }

    /** Uploads the grow task's code archive to the store, as registration would. */
    private StorageUri stageCode(EmbeddedS3 s3, Storage storage) throws IOException {
        StorageUri code = s3.uri("code/" + growCode.getFileName());
        storage.write(code, Files.readAllBytes(growCode));
        return code;
    }

    /** The store's environment with its endpoint replaced by the proxy's. */
    private static Map<String, String> throughProxy(EmbeddedS3 s3, CuttingProxy proxy) {
        Map<String, String> env = new HashMap<>(s3.environment());
        env.put("FLYTE_AWS_ENDPOINT", "http://127.0.0.1:" + proxy.port());
        return env;
    }

    @Test
    void aTaskThatThrowsWritesAUserError() throws Exception {
        Path inputs = work.resolve("explode-inputs.pb");
        Files.write(inputs, LiteralMap.newBuilder().putLiterals("x", integer(5)).build().toByteArray());
        Path out = work.resolve("explode-out");
        Result r = entrypoint("explode", explodeCode.toString(), inputs.toString(), out.toString(), Map.of());
        assertEquals(0, r.exit(), "an error document is a completed attempt: " + r.stderr());
        JsonNode error = JSON.readTree(peer("read-error", out.resolve("error.pb")));
        assertEquals("USER:IllegalStateException", error.path("code").asText());
        assertEquals("NON_RECOVERABLE", error.path("kind").asText());
        assertEquals(1, error.path("origin").asInt(), "ExecutionError.ErrorKind.USER");
        assertTrue(error.path("message").asText().startsWith("Task [explode] failed: java.lang.IllegalStateException: exploded at 5"),
                error.toString());
        assertTrue(Files.notExists(out.resolve("outputs.pb")));
    }

    @Test
    void missingCodeAndUnreadableInputsAreSystemErrors() throws Exception {
        Path inputs = work.resolve("sys-inputs.pb");
        peer("write-inputs", inputs);
        Path out1 = work.resolve("missing-code");
        Result missing = entrypoint("grow", work.resolve("no-such-code.tar.gz").toString(), inputs.toString(), out1.toString(), Map.of());
        assertEquals(0, missing.exit(), missing.stderr());
        ErrorDocument doc1 = ErrorDocument.parseFrom(Files.readAllBytes(out1.resolve("error.pb")));
        assertEquals("SYSTEM", doc1.getError().getCode());
        assertEquals(flyteidl.core.Execution.ExecutionError.ErrorKind.SYSTEM, doc1.getError().getOrigin());
        assertTrue(doc1.getError().getMessage().contains("does not exist"), doc1.getError().getMessage());

        Path corrupt = work.resolve("corrupt-inputs.pb");
        Files.write(corrupt, new byte[] {0x0a, (byte) 0xff, 0x01, 0x02});
        Path out2 = work.resolve("corrupt");
        Result bad = entrypoint("grow", growCode.toString(), corrupt.toString(), out2.toString(), Map.of());
        assertEquals(0, bad.exit(), bad.stderr());
        ErrorDocument doc2 = ErrorDocument.parseFrom(Files.readAllBytes(out2.resolve("error.pb")));
        assertEquals("SYSTEM", doc2.getError().getCode());
        assertTrue(doc2.getError().getMessage().contains("not a readable LiteralMap"), doc2.getError().getMessage());
    }

    @Test
    void aTransformerRegisteredInACellShipsWithTheTasksThatUseItsType() throws Exception {
        String shown = flipShown.ofType("display_data").stream().map(c -> c.path("data").path("text/plain").asText())
                .findFirst().orElse(flipShown.result());
        assertTrue(shown.contains("statement") && shown.contains("TypeEngine.register(TypeTransformer.via(Pt.class"), shown);
        Path inputs = work.resolve("flip-inputs.pb");
        Files.write(inputs, LiteralMap.newBuilder().putLiterals("p", string("1,2")).build().toByteArray());
        Path out = work.resolve("flip-out");
        Result r = entrypoint("flip", flipCode.toString(), inputs.toString(), out.toString(), Map.of());
        assertEquals(0, r.exit(), r.stderr());
        assertTrue(Files.isRegularFile(out.resolve("outputs.pb")), r.stderr() + (Files.exists(out.resolve("error.pb"))
                ? ErrorDocument.parseFrom(Files.readAllBytes(out.resolve("error.pb"))).getError().getMessage() : ""));
        LiteralMap outputs = LiteralMap.parseFrom(Files.readAllBytes(out.resolve("outputs.pb")));
        assertEquals("2,1", outputs.getLiteralsOrThrow("o0").getScalar().getPrimitive().getStringValue(),
                "the container's engine has the cell's transformer: the task's STRING interface holds");
    }

    private static Literal string(String v) {
        return Literal.newBuilder().setScalar(Scalar.newBuilder().setPrimitive(Primitive.newBuilder().setStringValue(v))).build();
    }

    private static Literal integer(long v) {
        return Literal.newBuilder().setScalar(Scalar.newBuilder().setPrimitive(Primitive.newBuilder().setInteger(v))).build();
    }

    /** A container's start: only the shaded jar, an empty home, Flyte's templated arguments filled in. */
    private Result entrypoint(String task, String code, String inputs, String outputPrefix, Map<String, String> env) throws IOException {
        Path home = Files.createDirectories(work.resolve("home-" + System.nanoTime()));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home, "-jar", JAR.toString(), "entrypoint", "--task", task, "--code", code, "--inputs", inputs,
                "--output-prefix", outputPrefix, "--raw-output-data-prefix", outputPrefix + "/raw",
                "--checkpoint-path", "{{.checkpointOutputPrefix}}", "--prev-checkpoint", "{{.prevCheckpointPrefix}}"));
        Map<String, String> environment = new HashMap<>(env);
        environment.put("HOME", home.toString());
        return runClean(command, environment);
    }

    /** Runs a command with only PATH and {@code env} in its environment. */
    private static Result runClean(List<String> command, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        String path = pb.environment().get("PATH");
        pb.environment().clear();
        pb.environment().put("PATH", path);
        pb.environment().putAll(env);
        Path out = Files.createTempFile("entrypoint-it", ".out");
        Path err = Files.createTempFile("entrypoint-it", ".err");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("entrypoint timed out: " + Files.readString(err));
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Runs flytekit's side (entrypoint_peer.py) in the project's venv; returns what it printed. */
    private String peer(String command, Path file) {
        Result r = run(List.of(FlytePython.path().toString(), PYTHON_DIR.resolve("entrypoint_peer.py").toString(), command,
                file.toString()), null, Map.of(), 180);
        assertEquals(0, r.exit(), "entrypoint_peer.py " + command + " failed:\n" + r.stderr());
        return r.stdout().strip();
    }
}
