package dev.flytejava.kernel.magics;

import java.util.Optional;

/**
 * A Maven artifact coordinate {@code G:A[:extension[:classifier]]:V}, as {@code %maven} takes it.
 * The extension defaults to {@code jar}.
 */
public record MavenCoordinate(String groupId, String artifactId, String extension, Optional<String> classifier,
                              String version) {

    public static final String FORM = "G:A[:extension[:classifier]]:V";

    public MavenCoordinate {
        requireText(groupId, "groupId");
        requireText(artifactId, "artifactId");
        requireText(extension, "extension");
        requireText(version, "version");
        classifier = classifier.filter(c -> !c.isBlank());
    }

    /**
     * Parses {@code G:A:V}, {@code G:A:extension:V} or {@code G:A:extension:classifier:V}.
     *
     * @throws IllegalArgumentException naming the coordinate and the expected form
     */
    public static MavenCoordinate parse(String text) {
        String[] parts = text.strip().split(":", -1);
        for (String part : parts) {
            if (part.isBlank()) parts = new String[0];
        }
        return switch (parts.length) {
            case 3 -> new MavenCoordinate(parts[0], parts[1], "jar", Optional.empty(), parts[2]);
            case 4 -> new MavenCoordinate(parts[0], parts[1], parts[2], Optional.empty(), parts[3]);
            case 5 -> new MavenCoordinate(parts[0], parts[1], parts[2], Optional.of(parts[3]), parts[4]);
            default -> throw new IllegalArgumentException("Bad Maven coordinate [" + text + "]: expected " + FORM
                    + ", e.g. org.apache.commons:commons-lang3:3.17.0");
        };
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId + ":" + extension + classifier.map(c -> ":" + c).orElse("") + ":" + version;
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("Maven " + what + " is blank");
    }
}
