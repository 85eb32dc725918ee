package dev.flytejava.kernel.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeMagicTest {

    private static final String TIMES = "Wall time: \\d+\\.\\d ms, CPU time: \\d+\\.\\d ms\n";

    @TempDir
    Path dir;

    @Test
    void lineTimesAStatementAndReturnsItsValue() throws Exception {
        try (FakeMagicContext session = new FakeMagicContext(dir)) {
            Object value = new TimeMagic().eval(session, "java.util.stream.LongStream.rangeClosed(1, 1000).sum()");
            assertEquals("500500", value);
            assertTrue(session.outText().matches(TIMES), session.outText());
        }
    }

    @Test
    void cellTimesTheBodyAndDeclarationsPersist() throws Exception {
        try (FakeMagicContext session = new FakeMagicContext(dir)) {
            Object value = new TimeMagic().eval(session, "", """
                    long total = 0;
                    for (int i = 0; i < 100; i++) total += i;
                    total
                    """);
            assertEquals("4950", value);
            assertTrue(session.outText().matches(TIMES), session.outText());
            assertEquals("4950", session.eval("total"));
        }
    }

    @Test
    void wallTimeCoversTheEvaluation() throws Exception {
        try (FakeMagicContext session = new FakeMagicContext(dir)) {
            new TimeMagic().eval(session, "Thread.sleep(120)");
            double wall = Double.parseDouble(session.outText().replaceAll("Wall time: ([0-9.]+) ms.*\\s*", "$1"));
            assertTrue(wall >= 120.0, session.outText());
        }
    }

    @Test
    void failuresPropagateWithoutTimes() {
        try (FakeMagicContext session = new FakeMagicContext(dir)) {
            assertThrows(IllegalStateException.class, () -> new TimeMagic().eval(session, "int x = \"no\";"));
            assertEquals("", session.outText());
            assertEquals(List.of("int x = \"no\";"), session.evaluated);
        }
    }

    @Test
    void lineNeedsAStatementAndCellTakesNoArguments() {
        try (FakeMagicContext session = new FakeMagicContext(dir)) {
            assertEquals("Missing parameter [STATEMENT] in [%time]; expected: %time STATEMENT",
                    assertThrows(MagicArgumentException.class, () -> new TimeMagic().eval(session, "  ")).getMessage());
            assertTrue(assertThrows(MagicArgumentException.class, () -> new TimeMagic().eval(session, "-v", "1"))
                    .getMessage().startsWith("Unexpected argument [-v] in [%%time]"));
        }
    }

    @Test
    void formatsLikeIPython() {
        assertEquals("Wall time: 12.3 ms, CPU time: 0.5 ms", TimeMagic.format(12_345_678, 500_000));
        assertEquals("Wall time: 1.0 ms, CPU time: n/a ms", TimeMagic.format(1_000_000, -1));
    }
}
