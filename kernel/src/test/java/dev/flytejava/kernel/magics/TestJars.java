package dev.flytejava.kernel.magics;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.apache.commons.io.file.PathUtils;

/** Builds small real jars for class path tests: one compiled class with a static method. */
public final class TestJars {

    private TestJars() {
    }

    /**
     * Compiles {@code package demo; public class NAME { public static String hello() { return GREETING; } }}
     * into {@code jar}.
     */
    static Path jarWithClass(Path jar, String className, String greeting) throws IOException {
        Path classes = classFolder(Files.createTempDirectory("classes"), className, greeting);
        try {
            Files.createDirectories(jar.toAbsolutePath().getParent());
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
                out.putNextEntry(new JarEntry("demo/" + className + ".class"));
                out.write(Files.readAllBytes(classes.resolve("demo").resolve(className + ".class")));
                out.closeEntry();
            }
            return jar;
        } finally {
            PathUtils.deleteDirectory(classes);
        }
    }

    /** Compiles {@code source}, the whole text of class {@code demo.NAME}, into {@code jar}. */
    public static Path jarWithSource(Path jar, String className, String source) throws IOException {
        Path classes = compile(Files.createTempDirectory("classes"), className, source);
        try {
            writeJar(jar, classes);
        } finally {
            PathUtils.deleteDirectory(classes);
        }
        return jar;
    }

    private static void writeJar(Path jar, Path classes) throws IOException {
        Files.createDirectories(jar.toAbsolutePath().getParent());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            List<Path> compiled;
            try (var listing = Files.list(classes.resolve("demo"))) {
                compiled = listing.sorted().toList();
            }
            for (Path c : compiled) {
                out.putNextEntry(new JarEntry("demo/" + c.getFileName()));
                out.write(Files.readAllBytes(c));
                out.closeEntry();
            }
        }
    }

    /** Compiles the same class into a folder of class files. */
    static Path classFolder(Path folder, String className, String greeting) throws IOException {
        return compile(folder, className, "package demo; public class " + className + " { public static String hello() { return \""
                + greeting + "\"; } }");
    }

    /** Compiles {@code source}, the whole text of class {@code demo.NAME}, into {@code folder} (for Java 17). */
    public static Path compile(Path folder, String className, String text) throws IOException {
        Path sources = Files.createTempDirectory("src");
        try {
            Path source = Files.writeString(sources.resolve(className + ".java"), text);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            Files.createDirectories(folder);
            int status = javac.run(null, null, null, "--release", "17", "-d", folder.toString(), source.toString());
            if (status != 0) throw new IllegalStateException("javac failed on " + source);
            return folder;
        } finally {
            PathUtils.deleteDirectory(sources);
        }
    }

    static List<String> names(List<Path> paths) {
        return paths.stream().map(p -> p.getFileName().toString()).toList();
    }
}
