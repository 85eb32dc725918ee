package dev.flytejava.kernel.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathMagicTest {

    @TempDir
    Path dir;

    @Test
    void addsAJarAndAClassFolderThatLaterCellsCanUse() throws Exception {
        TestJars.jarWithClass(dir.resolve("lib/greeter.jar"), "Greeter", "hello from a jar");
        TestJars.classFolder(dir.resolve("classes"), "Folded", "hello from a folder");
        try (FakeMagicContext session = new FakeMagicContext(dir)) {
            new ClasspathMagic(new AddedClasspath()).eval(session, "add lib/greeter.jar classes");
            assertEquals(List.of(dir.resolve("lib/greeter.jar"), dir.resolve("classes")), session.classpath);
            assertEquals("\"hello from a jar\"", session.eval("demo.Greeter.hello()"));
            assertEquals("\"hello from a folder\"", session.eval("demo.Folded.hello()"));
            assertTrue(session.outText().startsWith("Added 2 class path entries:\n  " + dir.resolve("lib/greeter.jar")),
                    session.outText());
        }
    }

    @Test
    void expandsGlobsAndListsWhatWasAddedOnce() throws Exception {
        TestJars.jarWithClass(dir.resolve("lib/a.jar"), "A", "a");
        TestJars.jarWithClass(dir.resolve("lib/nested/b.jar"), "B", "b");
        Files.writeString(dir.resolve("lib/notes.txt"), "not a jar");
        AddedClasspath added = new AddedClasspath();
        ClasspathMagic magic = new ClasspathMagic(added);
        try (FakeMagicContext session = new FakeMagicContext(dir)) {
            magic.eval(session, "add 'lib/**/*.jar'");
            assertEquals(List.of("a.jar", "b.jar"), TestJars.names(session.classpath));
            magic.eval(session, "add lib/a.jar");
            assertEquals(2, session.classpath.size(), "an entry already added is not added again");
            assertTrue(session.outText().contains("Added 0 class path entries (1 already added)."), session.outText());

            magic.eval(session, "");
            String listing = session.outText().substring(session.outText().indexOf("Class path entries added"));
            assertEquals("Class path entries added (2):\n  " + dir.resolve("lib/a.jar") + "\n  "
                    + dir.resolve("lib/nested/b.jar") + "\n", listing);
        }
    }

    @Test
    void listsNothingBeforeAnyAdd() throws Exception {
        try (FakeMagicContext session = new FakeMagicContext(dir)) {
            new ClasspathMagic(new AddedClasspath()).eval(session, "");
            assertTrue(session.outText().startsWith("No class path entries added yet"), session.outText());
        }
    }

    @Test
    void missingPathNamesTheResolvedPathAndAddsNothing() throws Exception {
        TestJars.jarWithClass(dir.resolve("a.jar"), "A", "a");
        try (FakeMagicContext session = new FakeMagicContext(dir)) {
            MagicException e = assertThrows(MagicException.class,
                    () -> new ClasspathMagic(new AddedClasspath()).eval(session, "add a.jar missing/x.jar"));
            assertEquals("Class path entry [missing/x.jar] not found at [" + dir.resolve("missing/x.jar")
                    + "] in [%classpath add]", e.getMessage());
            assertTrue(session.classpath.isEmpty());
        }
    }

    @Test
    void globWithoutMatchesIsNamed() {
        try (FakeMagicContext session = new FakeMagicContext(dir)) {
            MagicException e = assertThrows(MagicException.class,
                    () -> new ClasspathMagic(new AddedClasspath()).eval(session, "add 'nowhere/*.jar'"));
            assertTrue(e.getMessage().startsWith("No files match glob [nowhere/*.jar] in [%classpath add]"),
                    e.getMessage());
        }
    }

    @Test
    void badSubcommandShowsTheAllowedForm() {
        try (FakeMagicContext session = new FakeMagicContext(dir)) {
            MagicArgumentException e = assertThrows(MagicArgumentException.class,
                    () -> new ClasspathMagic(new AddedClasspath()).eval(session, "remove x.jar"));
            assertEquals("Unexpected argument [remove] in [%classpath]; expected: %classpath [COMMAND]", e.getMessage());
            MagicArgumentException noPath = assertThrows(MagicArgumentException.class,
                    () -> new ClasspathMagic(new AddedClasspath()).eval(session, "add"));
            assertEquals("Missing parameter [PATH] in [%classpath add]; expected: %classpath add PATH...", noPath.getMessage());
        }
    }

    @Test
    void usageShowsTheAddCommand() {
        String usage = ClasspathMagic.usage();
        assertTrue(usage.startsWith("Usage: %classpath [COMMAND]"), usage);
        assertTrue(usage.contains("Usage: %classpath add PATH..."), usage);
    }
}
