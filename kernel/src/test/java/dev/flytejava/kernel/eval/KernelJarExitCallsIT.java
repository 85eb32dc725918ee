package dev.flytejava.kernel.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

/**
 * The session loader asks the kernel's loader first, so a class of an added jar whose name the kernel's jar also
 * has is loaded from the kernel's jar, without the exit guard. This keeps that set free of exit calls: besides the
 * kernel's own entry points, only relocated libraries (which no user jar names) may call System.exit.
 */
class KernelJarExitCallsIT {

    private static final Path JAR = Path.of(System.getProperty("basedir", ".")).resolve("target/flyte-java.jar");
    private static final List<String> KERNEL_EXITS = List.of(
            "dev/flytejava/kernel/FlyteJavaKernel.class", "dev/flytejava/kernel/cli/FlyteJavaCli.class",
            "dev/flytejava/kernel/cli/CommandDaemon.class");

    @Test
    void onlyTheKernelsEntryPointsAndRelocatedLibrariesCallExit() throws IOException {
        assertTrue(Files.isRegularFile(JAR), "the shaded jar must be built first: " + JAR);
        List<String> calling = new ArrayList<>();
        int classes = 0;
        try (JarFile jar = new JarFile(JAR.toFile())) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (!entry.getName().endsWith(".class") || entry.getName().endsWith("module-info.class")) continue;
                classes++;
                byte[] bytes;
                try (var in = jar.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                // a multi-release jar's classes for later Java versions count under their own names
                if (ExitCallRewriter.rewrite(bytes) != bytes) calling.add(entry.getName().replaceFirst("^META-INF/versions/\\d+/", ""));
            }
        }
        assertTrue(classes > 1000, "read only " + classes + " classes");
        List<String> unguarded = calling.stream()
                .filter(c -> !KERNEL_EXITS.contains(c) && !c.startsWith("dev/flytejava/shaded/")).toList();
        assertEquals(List.of(), unguarded, "classes cells reach parent first that call System.exit/Runtime.exit/halt");
        assertTrue(calling.containsAll(KERNEL_EXITS), "the scan found no exit call where the kernel has them: " + calling);
    }
}
