package dev.flytejava.runtime.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.TextFormat;
import dev.flytejava.runtime.interop.FlytekitPython.Result;
import dev.flytejava.runtime.interop.InteropCases.Case;
import dev.flytejava.runtime.types.TypeEngine;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Types.LiteralType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Type interop with flytekit 1.16.31, both ways, over the table of {@code interop/flytekit_interop.py} and
 * {@link InteropCases}: flytekit's TypeEngine writes each value as a literal and our engine reads it into the Java
 * value; our engine writes each Java value and flytekit reads it into the Python value. Where the two disagree
 * flytekit is right. One Python run per direction.
 */
class FlytekitInteropTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final Path SCRIPT = FlytekitPython.script("/interop/flytekit_interop.py");

    @TempDir
    static Path temp;

    private static FlytekitPython python;
    private static Path flytekitWrote;
    private static JsonNode index;

    private final TypeEngine engine = TypeEngine.builder().build();
    private final List<Case> cases = InteropCases.all();

    @BeforeAll
    static void flytekitWritesTheTable() throws IOException {
        python = FlytekitPython.locate();
        flytekitWrote = temp.resolve("from-flytekit");
        Result result = python.run(SCRIPT, temp.resolve("python-tmp"), TIMEOUT, "write", flytekitWrote.toString());
        assertEquals(0, result.exitCode(), () -> "flytekit_interop.py write failed:\n" + result.output());
        index = new ObjectMapper().readTree(flytekitWrote.resolve("index.json").toFile());
    }

    @Test
    void bothTablesNameTheSameCases() {
        List<String> python = new ArrayList<>();
        index.get("cases").forEach(c -> python.add(c.get("case").asText()));
        assertEquals(python, cases.stream().map(Case::name).toList());
        assertEquals("1.16.31", index.get("flytekit").asText());
    }

    @Test
    void flytekitsLiteralsReadAsTheJavaValues() throws IOException {
        List<String> mismatches = new ArrayList<>();
        for (Case c : cases) {
            try {
                Object actual = engine.toJava(flytekitLiteral(c), c.type());
                if (!c.value().equals(actual)) {
                    mismatches.add(c.name() + ": expected " + c.value() + ", read " + actual);
                }
            } catch (RuntimeException e) {
                mismatches.add(c.name() + ": " + e);
            }
        }
        assertEquals(List.of(), mismatches, "flytekit's literals that our engine reads otherwise");
    }

    /** Byte compatibility: for every value, our literal is the message flytekit writes (msgpack bytes included). */
    @Test
    void ourLiteralsAreTheOnesFlytekitWrites() throws IOException {
        List<String> mismatches = new ArrayList<>();
        for (Case c : cases) {
            Literal ours = engine.toLiteral(c.value(), c.type());
            Literal theirs = flytekitLiteral(c);
            if (!ours.equals(theirs)) {
                mismatches.add(c.name() + ":\n  ours     " + TextFormat.shortDebugString(ours)
                        + "\n  flytekit " + TextFormat.shortDebugString(theirs));
            }
        }
        assertEquals(List.of(), mismatches, "literals that differ from flytekit's");
    }

    @Test
    void ourLiteralTypesAreTheOnesFlytekitWrites() throws IOException {
        List<String> mismatches = new ArrayList<>();
        for (Case c : cases) {
            LiteralType ours = engine.literalTypeOf(c.type());
            LiteralType theirs;
            try (InputStream in = Files.newInputStream(flytekitWrote.resolve(c.name() + ".type.pb"))) {
                theirs = LiteralType.parseFrom(in);
            }
            if (!ours.equals(theirs)) {
                mismatches.add(c.name() + ":\n  ours     " + TextFormat.shortDebugString(ours)
                        + "\n  flytekit " + TextFormat.shortDebugString(theirs));
            }
        }
        assertEquals(List.of(), mismatches, "literal types that differ from flytekit's");
    }

    @Test
    void flytekitReadsOurLiteralsAsThePythonValues() throws IOException {
        Path ours = Files.createDirectories(temp.resolve("from-java"));
        for (Case c : cases) {
            Files.write(ours.resolve(c.name() + ".pb"), engine.toLiteral(c.value(), c.type()).toByteArray());
        }
        Result result = python.run(SCRIPT, temp.resolve("python-tmp"), TIMEOUT, "read", ours.toString());
        assertEquals(0, result.exitCode(), () -> "flytekit read our literals otherwise:\n" + result.output());
    }

    private static Literal flytekitLiteral(Case c) throws IOException {
        try (InputStream in = Files.newInputStream(flytekitWrote.resolve(c.name() + ".pb"))) {
            return Literal.parseFrom(in);
        }
    }
}
