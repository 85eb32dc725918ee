package dev.flytejava.kernel.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolves real artifacts from Maven Central (the network is needed). */
class MavenMagicTest {

    @TempDir
    Path dir;

    @Test
    void resolvesARealArtifactFromCentralIntoTheClassPath() throws Exception {
        Path emptyLocalRepository = Files.createDirectories(dir.resolve("m2-repository"));
        MavenMagic maven = new MavenMagic(new AddedClasspath(),
                new MavenArtifactResolver(Optional.of(emptyLocalRepository)));
        try (FakeMagicContext session = new FakeMagicContext(dir)) {
            maven.eval(session, "org.apache.commons:commons-lang3:3.17.0");

            Path jar = emptyLocalRepository.resolve("org/apache/commons/commons-lang3/3.17.0/commons-lang3-3.17.0.jar");
            assertEquals(List.of(jar), session.classpath, "downloaded into the given local repository");
            assertEquals("Added 1 artifact to the class path:\n  org.apache.commons:commons-lang3:jar:3.17.0\n",
                    session.outText());
            try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
                Class<?> stringUtils = loader.loadClass("org.apache.commons.lang3.StringUtils");
                assertEquals("Flyte", stringUtils.getMethod("capitalize", String.class).invoke(null, "flyte"));
            }
            assertEquals("\"Flyte\"", session.eval("org.apache.commons.lang3.StringUtils.capitalize(\"flyte\")"));
        }
    }

    @Test
    void addsTransitiveRuntimeDependenciesUnlessToldNotTo() throws Exception {
        try (FakeMagicContext session = new FakeMagicContext(dir)) {
            new MavenMagic(new AddedClasspath(), new MavenArtifactResolver())
                    .eval(session, "org.apache.commons:commons-text:1.12.0");
            assertEquals(List.of("commons-text-1.12.0.jar", "commons-lang3-3.14.0.jar"), TestJars.names(session.classpath));
            assertTrue(session.outText().startsWith("Added 2 artifacts to the class path:\n"
                    + "  org.apache.commons:commons-text:jar:1.12.0\n"
                    + "  org.apache.commons:commons-lang3:jar:3.14.0\n"), session.outText());
            assertEquals("\"Hello World\"", session.eval("org.apache.commons.text.WordUtils.capitalize(\"hello world\")"));
        }
        try (FakeMagicContext session = new FakeMagicContext(dir)) {
            new MavenMagic(new AddedClasspath(), new MavenArtifactResolver())
                    .eval(session, "org.apache.commons:commons-text:1.12.0 --no-transitive");
            assertEquals(List.of("commons-text-1.12.0.jar"), TestJars.names(session.classpath));
        }
    }

    @Test
    void resolvesSeveralCoordinatesAndSkipsWhatIsAlreadyThere() throws Exception {
        AddedClasspath added = new AddedClasspath();
        MavenMagic maven = new MavenMagic(added, new MavenArtifactResolver());
        try (FakeMagicContext session = new FakeMagicContext(dir)) {
            maven.eval(session, "org.apache.commons:commons-lang3:3.14.0");
            maven.eval(session, "org.apache.commons:commons-text:1.12.0 --scope=compile");
            assertEquals(List.of("commons-lang3-3.14.0.jar", "commons-text-1.12.0.jar"), TestJars.names(session.classpath));
            assertTrue(session.outText().endsWith("Added 1 artifact to the class path (1 already there):\n"
                    + "  org.apache.commons:commons-text:jar:1.12.0\n"), session.outText());
        }
    }

    @Test
    void badCoordinateSaysTheExpectedForm() {
        try (FakeMagicContext session = new FakeMagicContext(dir)) {
            MagicArgumentException e = assertThrows(MagicArgumentException.class,
                    () -> new MavenMagic(new AddedClasspath(), new MavenArtifactResolver())
                            .eval(session, "commons-lang3:3.17.0"));
            assertTrue(e.getMessage().startsWith("Bad Maven coordinate [commons-lang3:3.17.0]: expected "
                    + "G:A[:extension[:classifier]]:V, e.g. org.apache.commons:commons-lang3:3.17.0 in [%maven]"),
                    e.getMessage());
            assertTrue(session.classpath.isEmpty());
        }
    }

    @Test
    void badOptionsNameTheOptionAndForm() {
        try (FakeMagicContext session = new FakeMagicContext(dir)) {
            MavenMagic maven = new MavenMagic(new AddedClasspath(), new MavenArtifactResolver());
            MagicArgumentException scope = assertThrows(MagicArgumentException.class,
                    () -> maven.eval(session, "a:b:1 --scope test"));
            assertTrue(scope.problem().startsWith("Bad value for option [--scope=SCOPE]"), scope.problem());
            assertTrue(scope.problem().contains("[COMPILE, RUNTIME] (case-insensitive)"), scope.problem());
            MagicArgumentException repo = assertThrows(MagicArgumentException.class,
                    () -> maven.eval(session, "a:b:1 --repo not-a-url"));
            assertTrue(repo.problem().startsWith("Bad value for option [--repo=[ID=]URL]: Bad repository [not-a-url]"),
                    repo.problem());
        }
    }

    @Test
    void missingArtifactNamesItAndTheRepositoriesTried() {
        try (FakeMagicContext session = new FakeMagicContext(dir)) {
            MagicException e = assertThrows(MagicException.class,
                    () -> new MavenMagic(new AddedClasspath(), new MavenArtifactResolver())
                            .eval(session, "dev.flytejava.nonexistent:no-such-artifact:0.0.1"));
            assertTrue(e.getMessage().startsWith(
                    "Artifact not found: [dev.flytejava.nonexistent:no-such-artifact:jar:0.0.1] in repositories ["),
                    e.getMessage());
            assertTrue(e.getMessage().contains("in repositories [central (https://"), e.getMessage());
            assertTrue(session.classpath.isEmpty());
        }
    }

    @Test
    void coordinateForms() {
        assertEquals("g:a:jar:1", MavenCoordinate.parse("g:a:1").toString());
        assertEquals("g:a:pom:1", MavenCoordinate.parse("g:a:pom:1").toString());
        assertEquals("g:a:jar:tests:1", MavenCoordinate.parse("g:a:jar:tests:1").toString());
        for (String bad : new String[] {"g:a", "g::1", "g:a:b:c:d:1", ""}) {
            assertThrows(IllegalArgumentException.class, () -> MavenCoordinate.parse(bad), bad);
        }
    }

    @Test
    void repositoryForms() {
        assertEquals(new MavenArtifactResolver.Repository("repo.example.com",
                java.net.URI.create("https://repo.example.com/m2")),
                MavenArtifactResolver.Repository.parse("https://repo.example.com/m2"));
        assertEquals("corp", MavenArtifactResolver.Repository.parse("corp=https://nexus/x?a=b").id());
        assertEquals("https://nexus/x?a=b", MavenArtifactResolver.Repository.parse("corp=https://nexus/x?a=b").url()
                .toString());
    }
}
