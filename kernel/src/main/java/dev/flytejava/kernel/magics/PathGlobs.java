package dev.flytejava.kernel.magics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Resolves the paths magics take ({@code %classpath add}, {@code %jars}): a leading {@code ~/} means the
 * user's home, relative paths resolve against the session's working directory, and a pattern holding
 * any of the characters {@code *}, {@code ?}, {@code [} or <code>&#123;</code> is a glob ({@code **}
 * crosses any number of directories, none included, as a shell's globstar does).
 */
public final class PathGlobs {

    private PathGlobs() {
    }

    public static boolean isGlob(String pattern) {
        return pattern.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    /** The path a plain (non-glob) argument names, absolute and normalized. */
    public static Path resolve(Path workingDirectory, String path) {
        return workingDirectory.resolve(expandHome(path)).toAbsolutePath().normalize();
    }

    /** The existing files and directories a glob matches, sorted; empty when none. */
    public static List<Path> expand(Path workingDirectory, String glob) {
        String pattern = expandHome(glob);
        String[] segments = pattern.split("/", -1);
        int firstGlob = 0;
        while (firstGlob < segments.length && !isGlob(segments[firstGlob])) firstGlob++;
        if (firstGlob == segments.length) {
            Path plain = resolve(workingDirectory, pattern);
            return Files.exists(plain) ? List.of(plain) : List.of();
        }
        String prefix = String.join("/", List.of(segments).subList(0, firstGlob));
        Path root = pattern.startsWith("/") && prefix.isEmpty() ? Path.of("/") : resolve(workingDirectory, prefix);
        String rest = String.join("/", List.of(segments).subList(firstGlob, segments.length));
        if (!Files.isDirectory(root)) return List.of();

        int depth = rest.contains("**") ? Integer.MAX_VALUE : segments.length - firstGlob;
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        // "**/" in a Java glob needs at least one directory; a shell's globstar also matches none.
        String noDirs = rest.replace("/**/", "/").replaceFirst("^\\*\\*/", "");
        PathMatcher zeroDirMatcher = FileSystems.getDefault().getPathMatcher("glob:" + noDirs);
        try (Stream<Path> walk = Files.walk(root, depth)) {
            List<Path> matches = new ArrayList<>();
            walk.filter(p -> !p.equals(root)).forEach(p -> {
                Path relative = root.relativize(p);
                if (matcher.matches(relative) || zeroDirMatcher.matches(relative)) {
                    matches.add(p.toAbsolutePath().normalize());
                }
            });
            matches.sort(null);
            return matches;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list [" + root + "] for glob [" + glob + "]", e);
        }
    }

    private static String expandHome(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return System.getProperty("user.home") + path.substring(1);
        }
        return path;
    }
}
