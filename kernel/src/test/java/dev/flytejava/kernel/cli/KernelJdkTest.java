package dev.flytejava.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing and checking the kernelspec's JDK, and the kernel.json that runs it. */
class KernelJdkTest {

    private static final Path RUNNING = Path.of(System.getProperty("java.home"));

    @Test
    void aJdkIsFoundFromItsHomeOrItsJavaThroughLinks(@TempDir Path dir) throws Exception {
        KernelJdk fromHome = KernelJdk.at(RUNNING, "test");
        assertEquals(RUNNING.toRealPath(), fromHome.home());
        assertEquals(Runtime.version().feature(), fromHome.feature());
        Path link = Files.createSymbolicLink(dir.resolve("java"), RUNNING.resolve("bin/java"));
        assertEquals(fromHome, KernelJdk.at(link, "test"));
    }

    @Test
    void theOptionWinsOverJavaHomeWhichWinsOverTheRunningJvm(@TempDir Path dir) throws Exception {
        Path other = fakeJdk(dir.resolve("other"), "21.0.8", "java.base jdk.compiler jdk.jshell");
        assertEquals(other.toRealPath(), KernelJdk.choose(other, Map.of("JAVA_HOME", RUNNING.toString())).home());
        assertEquals(other.toRealPath(), KernelJdk.choose(null, Map.of("JAVA_HOME", other.toString())).home());
        assertEquals(RUNNING.toRealPath(), KernelJdk.choose(null, Map.of()).home());
    }

    @Test
    void aRuntimeWithoutJShellAnOldJavaOrAMissingPathIsRefusedWithWhatIsWrong(@TempDir Path dir) throws Exception {
        Path runtime = fakeJdk(dir.resolve("jre"), "25.0.2", "java.base java.compiler");
        IllegalArgumentException noJShell = assertThrows(IllegalArgumentException.class, () -> KernelJdk.at(runtime, "--java"));
        assertEquals("Java [" + runtime.toRealPath() + "] from --java lacks the modules [jdk.jshell, jdk.compiler] that JShell needs "
                + "(a runtime image, not a full JDK); choose a JDK with --java", noJShell.getMessage());
        Path old = fakeJdk(dir.resolve("old"), "11.0.2", "java.base jdk.compiler jdk.jshell");
        assertEquals("Java [" + old.toRealPath() + "] from JAVA_HOME is version [11.0.2]; the kernel needs Java 17 or later",
                assertThrows(IllegalArgumentException.class, () -> KernelJdk.choose(null, Map.of("JAVA_HOME", old.toString()))).getMessage());
        assertEquals("Java [" + dir.resolve("none") + "] from --java does not exist",
                assertThrows(IllegalArgumentException.class, () -> KernelJdk.at(dir.resolve("none"), "--java")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KernelJdk.at(dir, "--java")).getMessage().endsWith("is not a JDK: "
                + "expected a JDK home (with bin/java and a release file) or its bin/java"));
    }

    @Test
    void kernelJsonRunsTheChosenJdkUnderItsDisplayNameWithoutASecurityManager(@TempDir Path dir) throws Exception {
        Path other = fakeJdk(dir.resolve("jdk"), "25.0.3", "java.base jdk.compiler jdk.jshell");
        KernelSpecInstaller installer = new KernelSpecInstaller(dir.resolve("flyte-java.jar"), KernelJdk.at(other, "--java"),
                "Java 25 (Flyte)", List.of("-Xmx2g"), false);
        JsonObject spec = new Gson().fromJson(installer.kernelJson(dir.resolve("flyte-java.jar"), null), JsonObject.class);
        List<String> argv = spec.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
        assertEquals(other.toRealPath().resolve("bin/java").toString(), argv.get(0));
        // the user's options come last, after ours (JDK 25 drops -Xshare, which its AOT cache implies)
        assertEquals("-Xmx2g", argv.get(argv.indexOf("-jar") - 1));
        assertFalse(argv.stream().anyMatch(a -> a.contains("security")), argv.toString());
        assertEquals("Java 25 (Flyte)", spec.get("display_name").getAsString());
        assertEquals("25.0.3", spec.getAsJsonObject("metadata").getAsJsonObject("flyte-java").get("java_version").getAsString());
    }

    /** A JDK home with a {@code release} file and a {@code bin/java} (a link to this JVM's). */
    private static Path fakeJdk(Path home, String version, String modules) throws Exception {
        Files.createDirectories(home.resolve("bin"));
        Files.createSymbolicLink(home.resolve("bin/java"), RUNNING.resolve("bin/java"));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\nMODULES=\"" + modules + "\"\n");
        return home;
    }
}
