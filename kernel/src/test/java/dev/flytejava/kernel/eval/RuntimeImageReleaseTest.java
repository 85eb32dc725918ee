package dev.flytejava.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeImageReleaseTest {
    @TempDir
    Path jvms;

    private Path jdk(String name, String version) throws Exception {
        Path home = Files.createDirectories(jvms.resolve(name).resolve("lib"));
        Files.writeString(home.resolve("modules"), "");
        Files.writeString(jvms.resolve(name).resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"" + version + "\"\n");
        return jvms.resolve(name);
    }

    @Test
    void onTheRuntimeImagesJavaNothingIsAdded() throws Exception {
        assertEquals(List.of(), RuntimeImageRelease.compilerOptions(17, jdk("jdk-17", "17.0.15"), null));
    }

    @Test
    void aNewerKernelCompilesAgainstAJdk17BesideIt() throws Exception {
        Path kernel = jdk("jdk-25", "25.0.3");
        Path seventeen = jdk("java-17-openjdk", "17.0.15");
        jdk("jdk-21", "21.0.2");
        assertEquals(List.of("--system", seventeen.toString(), "-source", "17", "-target", "17"),
                RuntimeImageRelease.compilerOptions(25, kernel, null));
    }

    @Test
    void theEnvironmentNamesTheJdkAndWithoutOneItIsRelease17() throws Exception {
        Path kernel = jdk("jdk-25", "25.0.3");
        assertEquals(List.of("--release", "17"), RuntimeImageRelease.compilerOptions(25, kernel, null));
        Path elsewhere = Files.createDirectories(jvms.resolve("other"));
        Path named = Files.move(jdk("x17", "17"), elsewhere.resolve("x17"));
        assertEquals(List.of("--system", named.toString(), "-source", "17", "-target", "17"),
                RuntimeImageRelease.compilerOptions(25, kernel, named.toString()));
        assertEquals(List.of("--release", "17"), RuntimeImageRelease.compilerOptions(25, kernel, jvms.resolve("none").toString()),
                "a JDK that is not there is not used");
    }
}
