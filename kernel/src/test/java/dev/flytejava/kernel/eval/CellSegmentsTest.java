package dev.flytejava.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import dev.flytejava.kernel.eval.CellSegments.CellMagicCall;
import dev.flytejava.kernel.eval.CellSegments.JavaCode;
import dev.flytejava.kernel.eval.CellSegments.LineMagicCall;
import dev.flytejava.kernel.eval.CellSegments.MisplacedCellMagic;
import org.junit.jupiter.api.Test;

class CellSegmentsTest {

    @Test
    void aCellMagicOwnsTheWholeCell() {
        assertEquals(List.of(new CellMagicCall("time", "-v", "int x = 1;\n%notamagic\n")),
                CellSegments.split("%%time -v\nint x = 1;\n%notamagic\n"));
    }

    @Test
    void lineMagicsInterleaveWithJavaKeepingCellLineNumbers() {
        assertEquals(List.of(
                        new JavaCode("int a = 1;\n", 1),
                        new LineMagicCall("classpath", "add /tmp/x.jar", 2),
                        new JavaCode("int b = a;\nb\n", 4)),
                CellSegments.split("int a = 1;\n  %classpath add /tmp/x.jar  \n\nint b = a;\nb"));
    }

    @Test
    void onlyJavaIsOneSegmentFromLineOne() {
        assertEquals(List.of(new JavaCode("1 + 1\n", 1)), CellSegments.split("1 + 1"));
    }

    @Test
    void aMagicWithoutArgumentsHasEmptyArgs() {
        assertEquals(List.of(new LineMagicCall("lsmagic", "", 1)), CellSegments.split("%lsmagic"));
    }

    @Test
    void aContinuedExpressionStartingWithModuloStaysJava() {
        assertEquals(List.of(new JavaCode("long r = 7\n    % 3;\nr\n", 1)), CellSegments.split("long r = 7\n    % 3;\nr"));
        assertEquals(List.of(new JavaCode("%\n", 1)), CellSegments.split("%"));
    }

    @Test
    void aCellMagicBelowTheFirstLineIsReportedNotCompiled() {
        assertEquals(List.of(new MisplacedCellMagic("task", 2), new JavaCode("long f() { return 1; }\n", 3)),
                CellSegments.split("\n%%task --retries 1\nlong f() { return 1; }"));
        assertEquals(List.of(new JavaCode("int a = 1;\n", 1), new MisplacedCellMagic("time", 2)),
                CellSegments.split("int a = 1;\n%%time"));
    }

    @Test
    void blankCellsHaveNoSegments() {
        assertEquals(List.of(), CellSegments.split("  \n\n"));
    }
}
