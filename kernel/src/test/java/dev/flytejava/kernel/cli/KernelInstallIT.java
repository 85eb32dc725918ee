package dev.flytejava.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.flytejava.kernel.KernelCase;
import org.junit.jupiter.api.Test;

/**
 * The command line on the kernel's JDK, and two kernelspecs side by side: the one {@link KernelCase} installed for the
 * kernel's JDK, and one more for the build's own JDK under another name. Each runs its own JDK, with a class data
 * sharing archive that JDK made.
 */
class KernelInstallIT extends KernelCase {

    private static final Path BUILD_JDK = Path.of(System.getProperty("java.home"));

    @Test
    void theCommandLineRunsOnTheKernelsJdk() {
        Result help = run(List.of(KERNEL_JDK.resolve("bin/java").toString(), "-jar", JAR.toString(), "--help"), null, Map.of(), 60);
        assertEquals(0, help.exit(), help.stderr());
        assertTrue(help.stdout().startsWith("Usage: flyte-java"), help.stdout());
        Result install = run(List.of(KERNEL_JDK.resolve("bin/java").toString(), "-jar", JAR.toString(), "kernel", "install", "--help"),
                null, Map.of(), 60);
        assertEquals(0, install.exit(), install.stderr());
        assertTrue(install.stdout().contains("--java=PATH"), install.stdout());
    }

    @Test
    void aSecondKernelspecForAnotherJdkWorksBesideTheFirst() throws Exception {
        Result second = run(List.of(BUILD_JDK.resolve("bin/java").toString(), "-jar", JAR.toString(), "kernel", "install",
                "--prefix", prefix.toString(), "--name", "flyte-java-build-jdk", "--display-name", "Java (Flyte, build JDK)",
                "--java", BUILD_JDK.toString()), null, Map.of(), 180);
        assertEquals(0, second.exit(), second.stderr() + second.stdout());

        assertKernelspec("flyte-java", "Java (Flyte)", KERNEL_JDK);
        assertKernelspec("flyte-java-build-jdk", "Java (Flyte, build JDK)", BUILD_JDK);
    }

    /** kernel.json runs {@code jdk}, its CDS archive belongs to that JDK, and the kernel it starts says it runs on it. */
    private static void assertKernelspec(String name, String displayName, Path jdk) throws Exception {
        Path dir = jupyterPath.resolve("kernels").resolve(name);
        JsonObject spec = new Gson().fromJson(Files.readString(dir.resolve("kernel.json")), JsonObject.class);
        assertEquals(displayName, spec.get("display_name").getAsString());
        JsonArray argv = spec.getAsJsonArray("argv");
        assertEquals(jdk.toRealPath().resolve("bin/java").toString(), argv.get(0).getAsString(), spec.toString());
        // JDK 25 and later get an ahead-of-time cache, older ones a CDS archive
        boolean aot = Integer.parseInt(jdkRelease(jdk, "JAVA_VERSION").split("[.]")[0]) >= 25;
        String archive = aot ? "-XX:AOTCache=" + dir.resolve("flyte-java.aot").toAbsolutePath()
                : "-XX:SharedArchiveFile=" + dir.resolve("flyte-java.jsa").toAbsolutePath();
        assertTrue(argv.toString().contains(archive), "no CDS archive or AOT cache in " + argv);
        // -Xshare:on and -XX:AOTMode=on fail unless the archive was written by this very JVM build
        Result share = run(List.of(argv.get(0).getAsString(), aot ? "-XX:AOTMode=on" : "-Xshare:on", archive,
                "-cp", dir.resolve("flyte-java.jar").toString(), "-version"), null, Map.of(), 60);
        assertEquals(0, share.exit(), "the archive of [" + name + "] does not belong to " + jdk + ":\n" + share.stderr() + share.stdout());

        List<String> command = new ArrayList<>(List.of(PYTHON, PYTHON_DIR.resolve("kernel_driver.py").toString(), "cells"));
        Result info = run(command, new Gson().toJson(Map.of("cells", List.of(),
                        "requests", List.of(Map.of("kind", "kernel_info")))),
                Map.of("JUPYTER_PATH", jupyterPath.toString(), "FLYTE_JAVA_KERNEL", name), 180);
        assertEquals(0, info.exit(), info.stderr() + info.stdout());
        String out = info.stdout().strip();
        JsonObject answer = new Gson().fromJson(out.substring(out.lastIndexOf('\n') + 1), JsonObject.class);
        String version = answer.getAsJsonArray("requests").get(0).getAsJsonObject().getAsJsonObject("language_info").get("version").getAsString();
        assertEquals(jdkRelease(jdk, "JAVA_RUNTIME_VERSION"), version, "kernelspec [" + name + "]");
    }
}
