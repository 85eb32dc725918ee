package dev.flytejava.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompletenessTest {

    private static JShell shell;
    private static SourceCodeAnalysis analysis;

    @BeforeAll
    static void start() {
        shell = JShell.create();
        analysis = shell.sourceCodeAnalysis();
    }

    @AfterAll
    static void stop() {
        shell.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 + 1", "int x = 3;", "void f() { }", "%lsmagic", "%%time\nwhile (", "int a = 1;\n%time a\n", "", "long r = 7\n  % 3;"})
    void complete(String code) {
        assertEquals("complete", Completeness.of(code, analysis).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"void f() {", "int x = (1 +", "for (int i = 0; i < 3; i++) {"})
    void incomplete(String code) {
        assertEquals("incomplete", Completeness.of(code, analysis).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"int x = 3;)", "class A { } }"})
    void invalid(String code) {
        assertEquals("invalid", Completeness.of(code, analysis).status());
    }

    @org.junit.jupiter.api.Test
    void theIndentGoesOneLevelDeeperAfterAnOpenBlock() {
        assertEquals("        ", Completeness.of("void f() {\n    if (true) {", analysis).indent());
    }
}
