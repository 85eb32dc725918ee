package dev.flytejava.magics.flyte.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TaskCellParserTest {

    @Test
    void readsParametersAndReturnType() {
        MethodSignature s = TaskCellParser.parse("long addOne(long x) { return x + 1; }");
        assertEquals("addOne", s.name());
        assertEquals(List.of(new MethodSignature.Parameter("x", "long")), s.parameters());
        assertEquals("long", s.returnType());
        assertEquals(new CellPosition(1, 1), s.position());
    }

    @Test
    void keepsGenericTypeSourceText() {
        MethodSignature s = TaskCellParser.parse("""
                // a comment line first
                Map<String, List<Coordinate>> group(List<Coordinate> points, java.util.Optional<String> label) {
                    return null;
                }
                """);
        assertEquals(List.of(new MethodSignature.Parameter("points", "List<Coordinate>"),
                new MethodSignature.Parameter("label", "java.util.Optional<String>")), s.parameters());
        assertEquals("Map<String, List<Coordinate>>", s.returnType());
        assertEquals(new CellPosition(2, 1), s.position());
    }

    @Test
    void voidMeansNoOutputs() {
        MethodSignature s = TaskCellParser.parse("void notify(String who) throws Exception { System.out.println(who); }");
        assertTrue(s.returnsVoid());
    }

    @Test
    void renamesOnlyTheMethodName() {
        MethodSignature s = TaskCellParser.parse("static long addOne(long addOne) { return addOne + 1; }");
        assertEquals("static long __flyte_addOne_impl(long addOne) { return addOne + 1; }", s.renamed("__flyte_addOne_impl"));
    }

    @Test
    void rejectsTwoMethodsAtTheSecond() {
        CellSyntaxException e = assertThrows(CellSyntaxException.class, () -> TaskCellParser.parse("""
                long a(long x) { return x; }
                  long b(long x) { return x; }
                """));
        assertEquals(new CellPosition(2, 3), e.position());
        assertTrue(e.getMessage().startsWith("line 2, column 3: %%task allows exactly one method, found a second one [b]"), e.getMessage());
    }

    @Test
    void rejectsAField() {
        CellSyntaxException e = assertThrows(CellSyntaxException.class, () -> TaskCellParser.parse("""
                int counter = 0;
                long a(long x) { return x; }
                """));
        assertEquals(new CellPosition(1, 1), e.position());
        assertTrue(e.getMessage().contains("found a field [counter]"), e.getMessage());
        assertTrue(e.getMessage().contains("Allowed: one method"), e.getMessage());
    }

    @Test
    void rejectsAClass() {
        CellSyntaxException e = assertThrows(CellSyntaxException.class, () -> TaskCellParser.parse("record P(long x) {}"));
        assertTrue(e.getMessage().contains("a type declaration [P]"), e.getMessage());
    }

    @Test
    void rejectsAnEmptyCell() {
        CellSyntaxException e = assertThrows(CellSyntaxException.class, () -> TaskCellParser.parse("   "));
        assertTrue(e.getMessage().contains("needs one method"), e.getMessage());
    }

    @Test
    void rejectsGenericMethodsAndVarargs() {
        assertTrue(assertThrows(CellSyntaxException.class, () -> TaskCellParser.parse("<T> T id(T x) { return x; }"))
                .getMessage().contains("generic"));
        CellSyntaxException e = assertThrows(CellSyntaxException.class,
                () -> TaskCellParser.parse("long sum(long... xs) { return 0; }"));
        assertEquals(new CellPosition(1, 10), e.position());
        assertTrue(e.getMessage().contains("varargs"));
    }

    @Test
    void reportsJavaSyntaxErrorsWithCellPosition() {
        CellSyntaxException e = assertThrows(CellSyntaxException.class, () -> TaskCellParser.parse("""
                long addOne(long x) {
                    return x +;
                }
                """));
        assertEquals(2, e.position().line());
        assertTrue(e.getMessage().contains("Java syntax error"), e.getMessage());
    }

    @Test
    void rejectsAStatementOutsideAMethod() {
        CellSyntaxException e = assertThrows(CellSyntaxException.class, () -> TaskCellParser.parse("addOne(3);"));
        assertEquals(1, e.position().line());
    }
}
