package dev.flytejava.kernel.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How cells compile on a kernel JDK newer than the runtime image's Java ({@link JShellSession#RUNTIME_IMAGE_JAVA}):
 * against that release's API, into class files it can load. {@code --release N} does it from the JDK's ct.sym, which
 * javac reads again for every snippet (about 3.5 times the compile time of a cell on JDK 25); a JDK of that version
 * installed beside the kernel's gives the same API faster, as {@code --system JDK -source N -target N}.
 */
final class RuntimeImageRelease {
    private RuntimeImageRelease() {}

    /** Environment variable naming a JDK of the runtime image's version to compile against. */
    static final String JDK_ENV = "FLYTE_JAVA_RELEASE_JDK";

    /** The compiler options for a kernel on Java {@code feature}: none on the runtime image's version itself. */
    static List<String> compilerOptions(int feature, Path javaHome, String jdkFromEnv) {
        String release = String.valueOf(JShellSession.RUNTIME_IMAGE_JAVA);
        if (feature <= JShellSession.RUNTIME_IMAGE_JAVA) return List.of();
        Optional<Path> jdk = jdkFromEnv != null && !jdkFromEnv.isBlank() && isJdk(Path.of(jdkFromEnv), release)
                ? Optional.of(Path.of(jdkFromEnv)) : besides(javaHome, release);
        return jdk.map(home -> List.of("--system", home.toString(), "-source", release, "-target", release))
                .orElse(List.of("--release", release));
    }

    /** A JDK of {@code release} in the folder that holds {@code javaHome} (/usr/lib/jvm on Debian). */
    private static Optional<Path> besides(Path javaHome, String release) {
        Path parent = javaHome.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) return Optional.empty();
        try (Stream<Path> homes = Files.list(parent)) {
            return homes.filter(h -> isJdk(h, release)).sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A JDK image of that version: its {@code release} file says so and it has its modules. */
    private static boolean isJdk(Path home, String release) {
        Path file = home.resolve("release");
        if (!Files.isRegularFile(file) || !Files.isRegularFile(home.resolve("lib/modules"))) return false;
        try {
            return Files.readAllLines(file).stream().anyMatch(l -> l.startsWith("JAVA_VERSION=\"" + release + ".")
                    || l.equals("JAVA_VERSION=\"" + release + "\""));
        } catch (IOException e) {
            return false;
        }
    }
}
