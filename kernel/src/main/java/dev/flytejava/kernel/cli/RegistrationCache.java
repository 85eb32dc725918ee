package dev.flytejava.kernel.cli;

import dev.flytejava.kernel.headless.NotebookCells;
import dev.flytejava.runtime.remote.RegistrationPlan;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The registration plans {@code flyte-java register} made, so that a notebook whose cells have not changed is
 * registered without running it again (running the cells is most of a registration's time). A plan is kept under a
 * key over everything it is made from: the code cells' text in order, what is registered with which version and
 * image options, the {@code FLYTE_JAVA_*} environment, the JVM and the class path it ran on. Cells that read
 * outside the notebook ({@code %load}, {@code %jars}, {@code %classpath}, {@code %maven}, {@code %%sh}, or
 * {@code %flyte config} without {@code --config}) make a notebook uncacheable, as {@link #uncacheable} says. A
 * notebook file not touched since is found without even parsing it ({@link #linkedKey}).
 */
final class RegistrationCache {
    /** Line magics whose effect depends on files or repositories outside the notebook. */
    private static final Pattern OUTSIDE = Pattern.compile("^\\s*(%load|%jars|%classpath|%maven|%%sh)(\\s|$)",
            Pattern.MULTILINE);
    private static final Pattern CONFIG = Pattern.compile("^\\s*%flyte\\s+config(\\s|$)", Pattern.MULTILINE);
    /** Environment variables of ours that say how to run, not what to register. */
    private static final List<String> NOT_KEYED = List.of("FLYTE_JAVA_OPTS", "FLYTE_JAVA_CACHE_DIR", "FLYTE_JAVA_CDS",
            "FLYTE_JAVA_DAEMON", "FLYTE_JAVA_DAEMON_DIR", "FLYTE_JAVA_DAEMON_IDLE");

    private final Path dir;

    RegistrationCache(Path cacheDir) {
        this.dir = cacheDir.resolve("register");
    }

    /** Why these cells cannot be cached (the first cell that reads outside the notebook), or empty. */
    static Optional<String> uncacheable(List<NotebookCells.Cell> cells, boolean configGiven) {
        for (NotebookCells.Cell cell : cells) {
            var outside = OUTSIDE.matcher(cell.source());
            if (outside.find()) {
                return Optional.of("cell " + cell.index() + " uses " + outside.group(1) + ", which reads outside the notebook");
            }
            if (!configGiven && CONFIG.matcher(cell.source()).find()) {
                return Optional.of("cell " + cell.index() + " sets the Flyte config (give --config to cache its plan)");
            }
        }
        return Optional.empty();
    }

    /** The key of a plan: SHA-256 over what makes it, each part length-prefixed so that no two inputs collide. */
    static String key(List<NotebookCells.Cell> cells, String entity, String version, String image, Map<String, String> env)
            throws IOException {
        MessageDigest sha = sha256();
        part(sha, "flyte-java registration plan key 2");
        part(sha, surroundings(System.getProperty("java.class.path", ""), env));
        part(sha, entity);
        part(sha, String.valueOf(version));
        part(sha, String.valueOf(image));
        for (NotebookCells.Cell cell : cells) part(sha, cell.source());
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The plan kept under {@code key}; an unreadable one is reported on {@code err}, removed and not used. */
    Optional<RegistrationPlan> load(String key, PrintStream err) {
        Path file = file(key);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            return Optional.of(RegistrationPlan.readFrom(in));
        } catch (IOException | RuntimeException e) {
            err.println("flyte-java register: ignoring the unreadable registration plan " + file + " (" + e.getMessage()
                    + "); running the notebook");
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the next save replaces it
            }
            return Optional.empty();
        }
    }

    /** Keeps {@code plan} under {@code key}. */
    Path save(String key, RegistrationPlan plan) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        plan.writeTo(bytes);
        Path file = file(key);
        replace(file, bytes.toByteArray());
        return file;
    }

    Path file(String key) {
        return dir.resolve(key + ".plan");
    }

    /**
     * The key a notebook file had when it was last read with these options: the file is known by its path, size,
     * modification time and inode, as git's index knows files, so that an untouched notebook is neither parsed nor
     * hashed again. The link's name is a plain hash of that description, which the link holds and is checked against.
     */
    Optional<String> linkedKey(String fileDescription) {
        try {
            List<String> lines = Files.readAllLines(link(fileDescription), StandardCharsets.UTF_8);
            String key = lines.isEmpty() ? "" : lines.get(lines.size() - 1);
            String described = String.join("\n", lines.subList(0, Math.max(0, lines.size() - 1)));
            return described.equals(fileDescription) && key.matches("[0-9a-f]{64}") ? Optional.of(key) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // no link yet, or one being replaced
        }
    }

    /** Links the file's description to {@code key} (see {@link #linkedKey}). */
    void link(String fileDescription, String key) throws IOException {
        replace(link(fileDescription), (fileDescription + "\n" + key + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code file} aside and moves it in, so that a reader never sees half of it. */
    private void replace(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(dir);
        Path partial = Files.createTempFile(dir, file.getFileName().toString(), ".partial");
        try {
            Files.write(partial, bytes);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * A notebook file and the options read with it, as {@link #linkedKey} knows them: one line each for the file, the
     * command's options, the JVM, the class path and the {@code FLYTE_JAVA_*} environment.
     */
    static Optional<String> describe(Path notebook, List<String> options, Map<String, String> env) throws IOException {
        return describe(notebook, options, env, System.getProperty("java.class.path", ""));
    }

    /** As {@link #describe(Path, List, Map)} on {@code classPath}; empty when a class folder is on it. */
    static Optional<String> describe(Path notebook, List<String> options, Map<String, String> env, String classPath)
            throws IOException {
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty() && Files.isDirectory(Path.of(entry))) return Optional.empty(); // its files may change under its name
        }
        var attributes = Files.readAttributes(notebook, java.nio.file.attribute.BasicFileAttributes.class);
        return Optional.of("notebook " + notebook.toAbsolutePath().normalize() + " " + attributes.size() + " "
                + attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS) + " " + attributes.fileKey()
                + "\noptions " + options + "\n" + surroundings(classPath, env));
    }

    /**
     * What a plan depends on beside the notebook and the options, one line each: the JVM, every class path entry
     * ({@link #classPathStamp}) and each {@code FLYTE_JAVA_*} variable but those in {@link #NOT_KEYED}.
     */
    private static String surroundings(String classPath, Map<String, String> env) throws IOException {
        StringBuilder out = new StringBuilder("jvm ").append(System.getProperty("java.vm.name")).append(' ')
                .append(System.getProperty("java.vm.version"));
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) out.append("\nclass path ").append(classPathStamp(Path.of(entry)));
        }
        new TreeMap<>(env).forEach((k, v) -> {
            if (k.startsWith("FLYTE_JAVA_") && !NOT_KEYED.contains(k)) out.append("\nenv ").append(k).append('=').append(v.replace('\n', ' '));
        });
        return out.toString();
    }

    private Path link(String fileDescription) {
        return dir.resolve(Integer.toHexString(fileDescription.hashCode()) + ".link");
    }

    /** A class path entry as its path, size and modification time; a folder's as those of each file in it. */
    private static String classPathStamp(Path entry) throws IOException {
        if (!Files.exists(entry)) return entry + " absent";
        if (!Files.isDirectory(entry)) return entry + " " + Files.size(entry) + " " + Files.getLastModifiedTime(entry).toMillis();
        StringBuilder out = new StringBuilder(entry.toString());
        try (Stream<Path> files = Files.walk(entry)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.append('\n').append(entry.relativize(f)).append(' ').append(Files.size(f)).append(' ')
                        .append(Files.getLastModifiedTime(f).toMillis());
            }
        }
        return out.toString();
    }

    private static void part(MessageDigest sha, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sha.update(java.nio.ByteBuffer.allocate(8).putLong(bytes.length).array());
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
