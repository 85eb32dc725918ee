package dev.flytejava.kernel.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JDK a kernelspec runs on, read from its {@code release} file: the kernel needs Java 17 or later with
 * JShell and javac ({@code jdk.jshell}, {@code jdk.compiler}), which a bare runtime image lacks.
 *
 * @param home    the JDK's home directory (symbolic links resolved)
 * @param version its {@code JAVA_VERSION}, e.g. {@code 25.0.3}
 */
record KernelJdk(Path home, String version) {

    static final int OLDEST = 17;
    private static final List<String> NEEDED_MODULES = List.of("jdk.jshell", "jdk.compiler");
    private static final Pattern PROPERTY = Pattern.compile("(?m)^([A-Z_]+)=\"?([^\"\\n]*)\"?$");

    /** {@code --java PATH} if given, else {@code $JAVA_HOME} if set, else the JVM running this command. */
    static KernelJdk choose(Path option, Map<String, String> env) {
        if (option != null) return at(option, "--java");
        String javaHome = env.get("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) return at(Path.of(javaHome), "JAVA_HOME");
        return at(Path.of(System.getProperty("java.home")), "the running JVM");
    }

    /**
     * The JDK at {@code path}: its home, or its {@code bin/java} (also through links such as {@code /usr/bin/java}).
     *
     * @param source where the path came from, for errors
     */
    static KernelJdk at(Path path, String source) {
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("Java [" + path + "] from " + source + " does not exist");
        }
        Path home = Files.isDirectory(real) ? real : real.getParent() == null ? real : real.getParent().getParent();
        Path release = home == null ? null : home.resolve("release");
        if (release == null || !Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin").resolve("java"))) {
            throw new IllegalArgumentException("Java [" + path + "] from " + source
                    + " is not a JDK: expected a JDK home (with bin/java and a release file) or its bin/java");
        }
        Map<String, String> properties;
        try {
            properties = properties(Files.readString(release, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read [" + release + "]: " + e.getMessage());
        }
        String version = properties.getOrDefault("JAVA_VERSION", "");
        if (feature(version) < OLDEST) {
            throw new IllegalArgumentException("Java [" + home + "] from " + source + " is version [" + version
                    + "]; the kernel needs Java " + OLDEST + " or later");
        }
        List<String> modules = List.of(properties.getOrDefault("MODULES", "").split("\\s+"));
        List<String> missing = NEEDED_MODULES.stream().filter(m -> !modules.contains(m)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Java [" + home + "] from " + source + " lacks the modules " + missing
                    + " that JShell needs (a runtime image, not a full JDK); choose a JDK with --java");
        }
        return new KernelJdk(home, version);
    }

    Path java() {
        return home.resolve("bin").resolve("java");
    }

    /** The feature release: 17 for {@code 17.0.15}, 25 for {@code 25}. */
    int feature() {
        return feature(version);
    }

    private static int feature(String version) {
        Matcher m = Pattern.compile("^(\\d+)").matcher(version);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static Map<String, String> properties(String text) {
        Map<String, String> out = new java.util.HashMap<>();
        Matcher m = PROPERTY.matcher(text);
        while (m.find()) out.put(m.group(1), m.group(2));
        return out;
    }
}
