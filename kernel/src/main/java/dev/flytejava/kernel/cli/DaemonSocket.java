package dev.flytejava.kernel.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the {@link CommandDaemon} of this jar, JVM and cache listens (a Unix socket in a folder only its user can
 * open), and the frames a request and its answer travel in. Only java.base is used here: the client side runs
 * before anything else of a command has loaded.
 *
 * <p>A request is the command's words, its working folder and its environment; the answer is frames of its stdout
 * and stderr, then its exit status, or a decline (the client then runs the command itself).
 */
record DaemonSocket(Path socket, Path lock, Path log) {
    /** {@code 0} turns the daemon off; it is off by default when {@code CI=true}, where runners do not last. */
    static final String SWITCH_ENV = "FLYTE_JAVA_DAEMON";
    /** The folder of the sockets (default: {@code java.io.tmpdir/flyte-java-USER}). */
    static final String DIR_ENV = "FLYTE_JAVA_DAEMON_DIR";
    /** Seconds without a request after which the daemon exits (default 900). */
    static final String IDLE_ENV = "FLYTE_JAVA_DAEMON_IDLE";
    static final int DEFAULT_IDLE_SECONDS = 900;

    static final int MAGIC = 0x464a4431; // "FJD1"
    static final byte OUT = 1;
    static final byte ERR = 2;
    static final byte EXIT = 3;
    static final byte DECLINE = 4;
    /** Unix socket paths are limited to 107 bytes on Linux. */
    private static final int MAX_PATH = 100;

    /**
     * The daemon's place for a command run under {@code env} on this class path, or empty when it is off: switched
     * off, a class folder on the class path (its classes may change under a running daemon), or no private folder.
     */
    static Optional<DaemonSocket> of(Map<String, String> env) {
        return of(env, System.getProperty("java.class.path", ""));
    }

    /** As {@link #of(Map)} for a JVM on {@code classPath}. */
    static Optional<DaemonSocket> of(Map<String, String> env, String classPath) {
        if (!enabled(env) || classPath.isEmpty()) return Optional.empty();
        StringBuilder identity = new StringBuilder(System.getProperty("java.home")).append('\n')
                .append(String.valueOf(env.get("FLYTE_JAVA_CACHE_DIR"))).append('\n');
        try {
            for (String entry : classPath.split(java.io.File.pathSeparator)) {
                Path p = Path.of(entry).toAbsolutePath();
                if (Files.isDirectory(p)) return Optional.empty();
                identity.append(p).append(' ').append(Files.size(p)).append(' ')
                        .append(Files.getLastModifiedTime(p).toMillis()).append('\n');
            }
            Path dir = folder(env);
            String name = "d-" + sha256(identity.toString()).substring(0, 16);
            Path socket = dir.resolve(name + ".sock");
            if (socket.toString().length() > MAX_PATH) return Optional.empty();
            return Optional.of(new DaemonSocket(socket, dir.resolve(name + ".lock"), dir.resolve(name + ".log")));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // no daemon: the command runs as it always can
        }
    }

    static boolean enabled(Map<String, String> env) {
        String value = env.get(SWITCH_ENV);
        if (value != null && !value.isBlank()) return !value.equals("0");
        return !"true".equals(env.get("CI"));
    }

    static int idleSeconds(Map<String, String> env) {
        try {
            return Math.max(1, Integer.parseInt(env.getOrDefault(IDLE_ENV, String.valueOf(DEFAULT_IDLE_SECONDS)).trim()));
        } catch (NumberFormatException e) {
            return DEFAULT_IDLE_SECONDS;
        }
    }

    /** The sockets' folder, made readable by its owner only; anything else there is refused. */
    private static Path folder(Map<String, String> env) throws IOException {
        String configured = env.get(DIR_ENV);
        Path dir = configured != null && !configured.isBlank() ? Path.of(configured).toAbsolutePath()
                : Path.of(System.getProperty("java.io.tmpdir"), "flyte-java-" + System.getProperty("user.name"));
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        if (!Files.getOwner(dir).getName().equals(System.getProperty("user.name"))
                || !PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)).equals("rwx------")) {
            throw new IOException(dir + " is not a folder of this user's only");
        }
        return dir;
    }

    static void writeRequest(DataOutputStream out, Path cwd, List<String> words, Map<String, String> env)
            throws IOException {
        out.writeInt(MAGIC);
        writeString(out, cwd.toString());
        out.writeInt(words.size());
        for (String w : words) writeString(out, w);
        out.writeInt(env.size());
        for (Map.Entry<String, String> e : env.entrySet()) {
            writeString(out, e.getKey());
            writeString(out, e.getValue());
        }
        out.flush();
    }

    record Request(Path cwd, List<String> words, Map<String, String> env) {}

    static Request readRequest(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) throw new IOException("not a flyte-java daemon request");
        Path cwd = Path.of(readString(in));
        int n = in.readInt();
        List<String> words = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) words.add(readString(in));
        int m = in.readInt();
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < m; i++) env.put(readString(in), readString(in));
        return new Request(cwd, List.copyOf(words), Map.copyOf(env));
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > (1 << 24)) throw new IOException("a request string of " + length + " bytes");
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
