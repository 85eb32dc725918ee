package dev.flytejava.runtime.entrypoint;

import dev.flytejava.runtime.code.CodeArchive;
import dev.flytejava.runtime.code.CodeClosure;
import dev.flytejava.runtime.code.CodeManifest;
import dev.flytejava.runtime.packaging.ShippedCode;
import dev.flytejava.runtime.storage.Storage;
import dev.flytejava.runtime.types.TypeEngine;
import flyteidl.core.Literals.LiteralMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One attempt of a small task, run through the real entrypoint on {@code file://} storage, for the runtime image's
 * class data sharing archive ({@code java -XX:ArchiveClassesAtExit=... -jar flyte-java.jar entrypoint-train}): the
 * archive then holds what a task's container loads (storage, tar, manifest, type engine with records and lists,
 * protobuf, the executor), and every container start maps it instead of loading and verifying those classes.
 */
public final class Training {
    private Training() {}

    /** A record and a list, so that the record codec and Jackson's classes are loaded as a notebook's task loads them. */
    public record Sample(String name, List<Long> values) {}

    /** The training task's body. */
    public static Sample scale(Sample s, long by) {
        return new Sample(s.name() + "!", s.values().stream().map(v -> v * by).toList());
    }

    /** Runs the attempt in {@code dir} (left behind for the caller to delete) and returns its outcome. */
    public static Entrypoint.Outcome run(Path dir, PrintStream log) throws IOException {
        Map<String, byte[]> classes = new TreeMap<>();
        for (Class<?> c : List.of(Training.class, Sample.class)) classes.put(c.getName(), classBytes(c));
        CodeClosure closure = CodeClosure.of(List.of(), classes, List.of());
        List<CodeManifest.TaskEntry> tasks = List.of(new CodeManifest.TaskEntry("train", Training.class.getName(), "scale",
                List.of("s", "by"), List.of()));
        ShippedCode code = ShippedCode.of(CodeArchive.files(closure, tasks));
        Path codeFile = dir.resolve(code.fileName());
        Files.write(codeFile, code.tarGz());
        TypeEngine engine = TypeEngine.createDefault(Training.class.getClassLoader());
        LiteralMap inputs = LiteralMap.newBuilder()
                .putLiterals("s", engine.toLiteral(new Sample("sample", List.of(1L, 2L, 3L)), Sample.class))
                .putLiterals("by", engine.toLiteral(2L, long.class)).build();
        Path inputsFile = dir.resolve("inputs.pb");
        Files.write(inputsFile, inputs.toByteArray());
        EntrypointArgs args = new EntrypointArgs("train", codeFile.toUri().toString(), inputsFile.toUri().toString(),
                dir.resolve("out").toUri().toString(), null, null, null);
        try (Storage storage = Storage.create()) {
            return new Entrypoint(args, storage, Files.createDirectories(dir.resolve("work")), log).run();
        }
    }

    private static byte[] classBytes(Class<?> c) {
        try (InputStream in = c.getClassLoader().getResourceAsStream(c.getName().replace('.', '/') + ".class")) {
            if (in == null) throw new IllegalStateException("no class file for [" + c.getName() + "]");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
