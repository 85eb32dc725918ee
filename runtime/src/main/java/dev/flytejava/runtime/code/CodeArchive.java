package dev.flytejava.runtime.code;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The files that ship a set of tasks: the classes of their closure as one jar, the jars the closure loads from, and
 * the {@link CodeManifest}. The container's entrypoint reads them back with {@link ShippedTasks}. The same closure
 * and tasks give the same bytes (entries sorted, fixed times), so the archive's digest is a content hash.
 */
public final class CodeArchive {
    private CodeArchive() {}

    public static final String ROOT = "flyte-java/";
    public static final String MANIFEST = ROOT + "manifest.json";
    public static final String CLASSES = ROOT + "classes.jar";
    public static final String LIB = ROOT + "lib/";

    /** 1980-01-01, the earliest time a zip entry holds: what pyflyte's fast archive uses too. */
    private static final long FIXED_TIME = 315532800000L;

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** The archive's files by path: {@code closure} holds the code of all {@code tasks}. */
    public static Map<String, byte[]> files(CodeClosure closure, List<CodeManifest.TaskEntry> tasks) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(CLASSES, classesJar(closure.classes()));
        List<CodeManifest.JarEntry> jars = new ArrayList<>();
        for (CodeJar jar : closure.jars()) {
            String file = LIB + jar.sha256().substring(0, 12) + "-" + jarName(jar.path());
            files.put(file, jarBytes(jar.path()));
            jars.add(new CodeManifest.JarEntry(file, jar.coordinates(), jar.sha256()));
        }
        List<CodeManifest.VariableEntry> variables = new ArrayList<>();
        for (CodeSnippet v : closure.snippets(CodeSnippet.Kind.VARIABLE)) {
            variables.add(new CodeManifest.VariableEntry(v.className(), v.name(), v.signature(), v.value()));
        }
        List<String> registrations = closure.snippets(CodeSnippet.Kind.STATEMENT).stream().map(CodeSnippet::className).toList();
        CodeManifest manifest = new CodeManifest(CodeManifest.FORMAT, closure.hash(), tasks, variables, registrations, jars);
        try {
            files.put(MANIFEST, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The classes, by binary name, as a jar of {@code .class} entries. */
    static byte[] classesJar(Map<String, byte[]> classes) {
        Map<String, byte[]> entries = new java.util.TreeMap<>();
        classes.forEach((name, bytes) -> entries.put(name.replace('.', '/') + ".class", bytes));
        return zip(entries);
    }

    private static String jarName(Path path) {
        String name = path.getFileName().toString();
        return Files.isDirectory(path) ? name + ".jar" : name;
    }

    /** A jar's bytes; a class folder zipped into one. */
    private static byte[] jarBytes(Path path) {
        try {
            if (!Files.isDirectory(path)) return Files.readAllBytes(path);
            Map<String, byte[]> entries = new java.util.TreeMap<>();
            try (Stream<Path> walk = Files.walk(path)) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) {
                    entries.put(path.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                }
            }
            return zip(entries);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read class path entry [" + path + "] to ship it", e);
        }
    }

    private static byte[] zip(Map<String, byte[]> sortedEntries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : sortedEntries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTime(FIXED_TIME);
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
