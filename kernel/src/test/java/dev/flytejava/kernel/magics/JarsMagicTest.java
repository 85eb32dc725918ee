package dev.flytejava.kernel.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarsMagicTest {

    @TempDir
    Path dir;

    @Test
    void addsTheJarsAGlobMatchesAndCellsCanUseThem() throws Exception {
        TestJars.jarWithClass(dir.resolve("libs/one.jar"), "One", "one");
        TestJars.jarWithClass(dir.resolve("libs/two.jar"), "Two", "two");
        Files.writeString(dir.resolve("libs/readme.jar.txt"), "not a jar");
        try (FakeMagicContext session = new FakeMagicContext(dir)) {
            new JarsMagic(new AddedClasspath()).eval(session, "libs/*.jar");
            assertEquals(List.of("one.jar", "two.jar"), TestJars.names(session.classpath));
            assertEquals("\"two\"", session.eval("demo.Two.hello()"));
            assertTrue(session.outText().startsWith("Added 2 class path entries:"), session.outText());
        }
    }

    @Test
    void aDirectoryMeansTheJarsDirectlyInIt() throws Exception {
        TestJars.jarWithClass(dir.resolve("libs/one.jar"), "One", "one");
        TestJars.jarWithClass(dir.resolve("libs/deeper/two.jar"), "Two", "two");
        try (FakeMagicContext session = new FakeMagicContext(dir)) {
            new JarsMagic(new AddedClasspath()).eval(session, "libs");
            assertEquals(List.of("one.jar"), TestJars.names(session.classpath));
        }
    }

    @Test
    void aGlobMatchingNoJarIsNamedAndNothingIsAdded() throws Exception {
        TestJars.jarWithClass(dir.resolve("libs/one.jar"), "One", "one");
        Files.writeString(dir.resolve("libs/notes.txt"), "text");
        try (FakeMagicContext session = new FakeMagicContext(dir)) {
            MagicException e = assertThrows(MagicException.class,
                    () -> new JarsMagic(new AddedClasspath()).eval(session, "libs/*.jar 'libs/*.txt'"));
            assertEquals("No jars match [libs/*.txt] in [%jars] (relative to [" + dir + "])", e.getMessage());
            assertTrue(session.classpath.isEmpty());
        }
    }

    @Test
    void sharesWhatWasAddedWithClasspath() throws Exception {
        TestJars.jarWithClass(dir.resolve("one.jar"), "One", "one");
        AddedClasspath added = new AddedClasspath();
        try (FakeMagicContext session = new FakeMagicContext(dir)) {
            new JarsMagic(added).eval(session, "one.jar");
            new ClasspathMagic(added).eval(session, "");
            assertTrue(session.outText().contains("Class path entries added (1):\n  " + dir.resolve("one.jar")),
                    session.outText());
        }
    }

    @Test
    void needsAGlob() {
        try (FakeMagicContext session = new FakeMagicContext(dir)) {
            MagicArgumentException e = assertThrows(MagicArgumentException.class,
                    () -> new JarsMagic(new AddedClasspath()).eval(session, " "));
            assertEquals("Missing parameter [GLOB] in [%jars]; expected: %jars GLOB...", e.getMessage());
        }
    }
}
