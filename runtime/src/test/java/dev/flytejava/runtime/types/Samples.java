package dev.flytejava.runtime.types;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/** Test types and seeded random values for them. */
final class Samples {

    private Samples() {}

    /** The Extending-Flyte guide's dataclass, as a record. */
    record Coordinate(double x, double y, Map<String, Double> metadata) {}

    enum Color { RED, GREEN, BLUE }

    record Reading(String sensor, long at, Optional<Double> value, Color color, List<Coordinate> track) {}

    /** A mutable JavaBean, the POJO case. */
    static final class Station {
        private String name;
        private int elevation;
        private List<String> tags = new ArrayList<>();

        public Station() {}

        Station(String name, int elevation, List<String> tags) {
            this.name = name;
            this.elevation = elevation;
            this.tags = tags;
        }

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public int getElevation() { return elevation; }
        public void setElevation(int elevation) { this.elevation = elevation; }
        public List<String> getTags() { return tags; }
        public void setTags(List<String> tags) { this.tags = tags; }

        @Override
        public boolean equals(Object o) {
            return o instanceof Station s && Objects.equals(name, s.name) && elevation == s.elevation && Objects.equals(tags, s.tags);
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, elevation, tags);
        }

        @Override
        public String toString() {
            return "Station[" + name + ", " + elevation + ", " + tags + "]";
        }
    }

    static String string(Random random) {
        int length = random.nextInt(12);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(4);
            text.appendCodePoint(kind == 0 ? 0x20 + random.nextInt(0x5f) : kind == 1 ? 0xe0 + random.nextInt(0x100)
                    : kind == 2 ? 0x4e00 + random.nextInt(0x100) : 0x1f600 + random.nextInt(0x40));
        }
        return text.toString();
    }

    static double finiteDouble(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> 0.0;
            case 1 -> -random.nextDouble();
            case 2 -> Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL);
            default -> random.nextGaussian() * 1e6;
        };
    }

    static Coordinate coordinate(Random random) {
        Map<String, Double> metadata = new LinkedHashMap<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            metadata.put(string(random), finiteDouble(random));
        }
        return new Coordinate(finiteDouble(random), finiteDouble(random), metadata);
    }

    static List<Coordinate> coordinates(Random random) {
        List<Coordinate> list = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            list.add(coordinate(random));
        }
        return list;
    }

    static Reading reading(Random random) {
        return new Reading(string(random), random.nextLong(), random.nextBoolean() ? Optional.of(finiteDouble(random)) : Optional.empty(),
                Color.values()[random.nextInt(3)], coordinates(random));
    }
}
