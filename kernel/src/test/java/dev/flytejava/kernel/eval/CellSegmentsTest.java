package dev.flytejava.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import dev.flytejava.kernel.eval.CellSegments.CellMagicCall;
import dev.flytejava.kernel.eval.CellSegments.JavaCode;
import dev.flytejava.kernel.eval.CellSegments.LineMagicCall;
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
    void blankCellsHaveNoSegments() {
        assertEquals(List.of(), CellSegments.split("  \n\n"));
    }
}
