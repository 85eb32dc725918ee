package dev.flytejava.magics.code;

import dev.flytejava.runtime.model.CodeHashes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** SHA-256 digests of class path entries, remembered until the file (or any file of a folder) changes. */
final class JarDigests {
    private record Stamp(long size, long modified, String sha256) {}

    private final Map<Path, Stamp> known = new ConcurrentHashMap<>();

    /** The digest of a jar's bytes, or of a class folder's relative paths and file bytes in path order. */
    String of(Path path) {
        try {
            long[] stamp = stamp(path);
            Stamp s = known.get(path);
            if (s != null && s.size() == stamp[0] && s.modified() == stamp[1]) return s.sha256();
            String sha = Files.isDirectory(path) ? folderDigest(path) : fileDigest(path);
            known.put(path, new Stamp(stamp[0], stamp[1], sha));
            return sha;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read class path entry [" + path + "] to digest it", e);
        }
    }

    /** Size and newest modification time: of the file, or summed and maximal over a folder's files. */
    private static long[] stamp(Path path) throws IOException {
        if (!Files.isDirectory(path)) return new long[] {Files.size(path), Files.getLastModifiedTime(path).toMillis()};
        long[] total = {0, 0};
        try (Stream<Path> files = Files.walk(path)) {
            files.forEach(f -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                    total[0] += a.size() + 1;
                    total[1] = Math.max(total[1], a.lastModifiedTime().toMillis());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return total;
    }

    private static String fileDigest(Path file) throws IOException {
        MessageDigest sha = CodeHashes.newSha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) sha.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String folderDigest(Path dir) throws IOException {
        MessageDigest sha = CodeHashes.newSha256();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            sha.update(dir.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(HexFormat.of().parseHex(fileDigest(f)));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The jar file or class folder a class resource was found in, or null for anything else (the JDK's jrt:). */
    static Path location(URL url, String internalName) {
        try {
            if (url.getProtocol().equals("jar")) {
                URL jar = ((JarURLConnection) url.openConnection()).getJarFileURL();
                return jar.getProtocol().equals("file") ? Path.of(jar.toURI()) : null;
            }
            if (url.getProtocol().equals("file")) {
                Path classFile = Path.of(url.toURI());
                Path root = classFile;
                for (int i = 0; i <= internalName.chars().filter(c -> c == '/').count(); i++) root = root.getParent();
                return root;
            }
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return null;
        }
        return null;
    }
}
