package dev.flytejava.kernel.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadMagicTest {

    @TempDir
    Path dir;

    @Test
    void evaluatesTheFileAsACellAndDeclarationsPersist() throws Exception {
        Files.createDirectories(dir.resolve("scripts"));
        Files.writeString(dir.resolve("scripts/setup.jshell"), """
                import java.util.List;
                int twice(int x) {
                    return 2 * x;
                }
                record Point(int x, int y) {}
                var points = List.of(new Point(1, 2), new Point(3, 4));
                twice(points.size())
                """);
        try (FakeMagicContext session = new FakeMagicContext(dir)) {
            assertEquals("4", new LoadMagic().eval(session, "scripts/setup.jshell"));
            assertEquals("8", session.eval("twice(4)"));
            assertEquals("3", session.eval("points.get(1).x()"));
        }
    }

    @Test
    void loadsJavaFilesWithQuotedPaths() throws Exception {
        Files.writeString(dir.resolve("My Greeter.java"), "class Greeter { static String hi() { return \"hi\"; } }");
        try (FakeMagicContext session = new FakeMagicContext(dir)) {
            new LoadMagic().eval(session, "\"My Greeter.java\"");
            assertEquals("\"hi\"", session.eval("Greeter.hi()"));
        }
    }

    @Test
    void missingFileNamesTheResolvedPath() {
        try (FakeMagicContext session = new FakeMagicContext(dir)) {
            MagicException e = assertThrows(MagicException.class, () -> new LoadMagic().eval(session, "nope.jshell"));
            assertEquals("File not found: [" + dir.resolve("nope.jshell") + "] (from [nope.jshell]) in [%load]",
                    e.getMessage());
            assertEquals(0, session.evaluated.size());
        }
    }

    @Test
    void needsExactlyOneFile() {
        try (FakeMagicContext session = new FakeMagicContext(dir)) {
            assertEquals("Missing parameter [FILE] in [%load]; expected: %load FILE",
                    assertThrows(MagicArgumentException.class, () -> new LoadMagic().eval(session, "")).getMessage());
            assertEquals("Unexpected argument [b.jshell] in [%load]; expected: %load FILE",
                    assertThrows(MagicArgumentException.class, () -> new LoadMagic().eval(session, "a.jshell b.jshell"))
                            .getMessage());
        }
    }
}
