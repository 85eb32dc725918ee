package dev.flytejava.runtime.types.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The plain-record msgpack codec against Jackson's own msgpack binding, which it must agree with byte for byte. */
class PlainRecordCodecTest {

    public record AllKinds(long a, Long b, int c, Integer d, double e, Double f, boolean g, Boolean h, String i) {}

    public record Flags(boolean isActive, String getter, long get) {}

    public record Checked(long positive) {
        public Checked {
            if (positive <= 0) {
                throw new IllegalArgumentException("positive must be > 0");
            }
        }
    }

    public record Renamed(@JsonProperty("ID") long id) {}

    /** An accessor that does more than return the field, and a compact constructor that normalizes. */
    public record Shouting(String name, long count) {
        public Shouting {
            name = name == null ? null : name.strip();
        }

        @Override
        public String name() {
            return name == null ? null : name.toUpperCase(java.util.Locale.ROOT);
        }
    }

    public record WithGetter(long id) {
        public String getLabel() {
            return "#" + id;
        }
    }

    public enum Level { LOW, HIGH }

    public enum Coded {
        A, B;

        @com.fasterxml.jackson.annotation.JsonValue
        String code() {
            return name().toLowerCase();
        }
    }

    public record Point(long x, Double y) {}

    /** Every kind the codec takes, nested. */
    public record Rich(Optional<Long> a, Optional<String> b, Level level, Optional<Level> maybeLevel, List<Long> longs,
                       List<String> strings, List<Point> points, Point origin, Optional<Point> maybePoint,
                       List<List<Integer>> grid, List<Level> levels, boolean flag) {}

    public record Timed(java.time.Instant at, java.time.Duration took, Optional<java.time.Instant> maybe, List<java.time.Instant> ats) {}

    public record WithMap(Map<String, Long> counts) {}

    public record WithSet(java.util.Set<Long> ids) {}

    public record Tree(long value, List<Tree> children) {}

    public record WithCoded(Coded coded) {}

    public record Twice(Optional<Optional<Long>> twice) {}

    @com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.NAME)
    public interface Shape {}

    public interface Round extends Shape {}

    public record Circle(double radius) implements Round {}

    private final ObjectMapper jackson = new JacksonMappers().msgpack();
    private final PlainRecordCodec allKinds = PlainRecordCodec.of(AllKinds.class);

    private static final long[] LONGS = {0, 1, -1, 31, -32, -33, 127, 128, 255, 256, -128, -129, 65535, 65536, -32768, -32769,
        Integer.MAX_VALUE, Integer.MIN_VALUE, (1L << 32) - 1, 1L << 32, Long.MAX_VALUE, Long.MIN_VALUE};
    private static final double[] DOUBLES = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MIN_VALUE, Double.MAX_VALUE, 1.5};
    private static final String[] STRINGS = {"", "a".repeat(31), "b".repeat(32), "c".repeat(255), "d".repeat(256),
        "e".repeat(65_535), "f".repeat(65_536), "é漢😀", "\uD800x", "x".repeat(600) + "é"};

    private List<AllKinds> samples() {
        Random random = new Random(7);
        List<AllKinds> samples = new ArrayList<>();
        for (int k = 0; k < 2_000; k++) {
            long l = k < LONGS.length ? LONGS[k] : random.nextLong() >> random.nextInt(64);
            double d = k < DOUBLES.length ? DOUBLES[k] : random.nextGaussian() * 1e6;
            String s = k < STRINGS.length ? STRINGS[k] : Long.toHexString(random.nextLong()).repeat(random.nextInt(5));
            boolean nulls = random.nextInt(4) == 0;
            samples.add(new AllKinds(l, nulls ? null : -l, (int) l, nulls ? null : (int) (l >> 16), d, nulls ? null : -d,
                    random.nextBoolean(), nulls ? null : random.nextBoolean(), nulls ? null : s));
        }
        return samples;
    }

    private byte[] codecBytes(PlainRecordCodec codec, Object value) {
        MsgpackWriter out = new MsgpackWriter(16);
        codec.write(value, out);
        return out.toByteArray();
    }

    @Test
    void writesWhatJacksonWrites() throws Exception {
        for (AllKinds value : samples()) {
            assertArrayEquals(jackson.writeValueAsBytes(value), codecBytes(allKinds, value), value::toString);
        }
        Flags flags = new Flags(true, "g", 3);
        assertArrayEquals(jackson.writeValueAsBytes(flags), codecBytes(PlainRecordCodec.of(Flags.class), flags));
        Shouting shouting = new Shouting("  quiet ", 2);
        byte[] bytes = jackson.writeValueAsBytes(shouting);
        PlainRecordCodec shoutingCodec = PlainRecordCodec.of(Shouting.class);
        assertArrayEquals(bytes, codecBytes(shoutingCodec, shouting), "the accessor's value, as Jackson writes it");
        assertEquals(jackson.readValue(bytes, Shouting.class), shoutingCodec.read(bytes, 0, bytes.length));
    }

    @Test
    void readsWhatJacksonReads() throws Exception {
        for (AllKinds value : samples()) {
            byte[] bytes = jackson.writeValueAsBytes(value);
            Object read = allKinds.read(bytes, 0, bytes.length);
            assertNotNull(read, value::toString);
            assertEquals(jackson.readValue(bytes, AllKinds.class), read);
        }
    }

    @Test
    void readsKeysInAnyOrderAndOtherNumberForms() throws Exception {
        // {"i": "x", "h": nil, ..., "e": float32 1.5, "f": 7 (an integer for a Double), "a": uint8 200, ...}
        byte[] bytes = HexFormat.of().parseHex("89" + "a169a178" + "a168c0" + "a167c3" + "a16607" + "a165ca3fc00000"
                + "a164c0" + "a163d0ff" + "a162c0" + "a161ccc8");
        assertEquals(jackson.readValue(bytes, AllKinds.class), allKinds.read(bytes, 0, bytes.length));
        assertEquals(new AllKinds(200, null, -1, null, 1.5, 7.0, true, null, "x"), allKinds.read(bytes, 0, bytes.length));
    }

    @Test
    void stepsAsideWhereJacksonMightDecideOtherwise() throws Exception {
        String valid = "a161ccc8" + "a162c0" + "a163d0ff" + "a164c0" + "a165ca3fc00000" + "a166c0" + "a167c3" + "a168c0";
        assertNotNull(read("89" + valid + "a169a178"));
        assertNull(read("89" + valid + "a16aa178"), "an unknown key");
        assertNull(read("88" + valid), "a missing key");
        assertNull(read("89" + valid + "a161ccc8"), "a repeated key (and i missing)");
        assertNull(read("89" + valid.replace("a161ccc8", "a161c0") + "a169a178"), "nil for a primitive");
        assertNull(read("89" + valid.replace("a161ccc8", "a161cfffffffffffffffff") + "a169a178"), "a uint64 above Long.MAX_VALUE");
        assertNull(read("89" + valid.replace("a163d0ff", "a163ce80000000") + "a169a178"), "an int out of range");
        assertNull(read("89" + valid + "a169" + "07"), "a number for a String");
        assertNull(read("89" + valid + "a169a2c328"), "malformed UTF-8");
        assertNull(read("89" + valid + "a169a178" + "c0"), "trailing bytes");
        assertNull(read("89" + valid + "a169a3"), "a truncated string");
        PlainRecordCodec checked = PlainRecordCodec.of(Checked.class);
        byte[] zero = jackson.writeValueAsBytes(java.util.Map.of("positive", 0));
        assertNull(checked.read(zero, 0, zero.length), "a constructor that throws");
    }

    private Object read(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        return allKinds.read(bytes, 0, bytes.length);
    }

    @Test
    void onlyPlainRecordsHaveACodec() {
        assertNull(PlainRecordCodec.of(Renamed.class), "a Jackson annotation");
        assertNull(PlainRecordCodec.of(WithGetter.class), "a getter Jackson writes as a property");
        assertNull(PlainRecordCodec.of(WithMap.class), "a Map component");
        assertNull(PlainRecordCodec.of(WithSet.class), "a Set component");
        assertNull(PlainRecordCodec.of(Tree.class), "a record that contains itself");
        assertNull(PlainRecordCodec.of(WithCoded.class), "an enum Jackson writes through @JsonValue");
        assertNull(PlainRecordCodec.of(Twice.class), "an Optional of an Optional");
        assertNull(PlainRecordCodec.of(Circle.class), "a Jackson annotation on an interface it implements");
        assertNull(PlainRecordCodec.of(String.class), "not a record");
        assertNotNull(PlainRecordCodec.of(Flags.class));
        assertNotNull(PlainRecordCodec.of(Rich.class));
    }

    private static <T> List<T> listOf(Random random, java.util.function.Supplier<T> element, boolean nulls) {
        List<T> list = new ArrayList<>();
        int n = random.nextInt(20) == 0 ? 20 : random.nextInt(4);
        for (int i = 0; i < n; i++) {
            list.add(nulls && random.nextInt(6) == 0 ? null : element.get());
        }
        return list;
    }

    private static List<Rich> richSamples() {
        Random random = new Random(3);
        List<Rich> samples = new ArrayList<>();
        for (int k = 0; k < 1_000; k++) {
            boolean some = random.nextBoolean();
            java.util.function.Supplier<Point> point = () -> new Point(random.nextLong() >> random.nextInt(64),
                    random.nextBoolean() ? null : random.nextGaussian());
            samples.add(new Rich(
                    some ? Optional.of(random.nextLong()) : Optional.empty(),
                    some ? Optional.of(STRINGS[random.nextInt(STRINGS.length)]) : Optional.empty(),
                    random.nextInt(5) == 0 ? null : Level.values()[random.nextInt(2)],
                    some ? Optional.of(Level.HIGH) : Optional.empty(),
                    random.nextInt(8) == 0 ? null : listOf(random, () -> random.nextLong() >> random.nextInt(64), true),
                    listOf(random, () -> Long.toHexString(random.nextLong()), true),
                    listOf(random, point, true),
                    random.nextInt(5) == 0 ? null : point.get(),
                    some ? Optional.of(point.get()) : Optional.empty(),
                    listOf(random, () -> listOf(random, random::nextInt, false), false),
                    listOf(random, () -> Level.values()[random.nextInt(2)], false),
                    random.nextBoolean()));
        }
        return samples;
    }

    @Test
    void nestedOptionalsEnumsListsAndRecordsWriteAndReadAsJacksonDoes() throws Exception {
        PlainRecordCodec rich = PlainRecordCodec.of(Rich.class);
        for (Rich value : richSamples()) {
            byte[] bytes = jackson.writeValueAsBytes(value);
            assertArrayEquals(bytes, codecBytes(rich, value), value::toString);
            Object read = rich.read(bytes, 0, bytes.length);
            assertNotNull(read, value::toString);
            assertEquals(jackson.readValue(bytes, Rich.class), read); // not always the value: a lone surrogate becomes '?'
        }
    }

    @Test
    void instantsAndDurationsAreWrittenAsFlytekitWritesThem() throws Exception {
        PlainRecordCodec timed = PlainRecordCodec.of(Timed.class);
        Random random = new Random(9);
        for (int k = 0; k < 500; k++) {
            java.time.Instant at = java.time.Instant.ofEpochSecond(random.nextLong() % 400_000_000_000L,
                    random.nextBoolean() ? 0 : random.nextInt(1_000_000_000) / (random.nextBoolean() ? 1_000_000 : 1) * (random.nextBoolean() ? 1_000_000 : 1) % 1_000_000_000);
            java.time.Duration took = java.time.Duration.ofSeconds(random.nextInt(), random.nextInt(1_000_000_000));
            Timed value = new Timed(at, took, random.nextBoolean() ? Optional.of(at.plusNanos(1)) : Optional.empty(),
                    List.of(at, java.time.Instant.EPOCH));
            byte[] bytes = jackson.writeValueAsBytes(value);
            assertArrayEquals(bytes, codecBytes(timed, value), value::toString);
            assertEquals(jackson.readValue(bytes, Timed.class), timed.read(bytes, 0, bytes.length));
        }
        // another spelling of the same instant, or an ISO duration, reads through Jackson, not here
        java.util.function.BiFunction<String, Object, byte[]> withAt = (at, took) -> {
            Map<String, Object> map = new java.util.LinkedHashMap<>();
            map.put("at", at);
            map.put("took", took);
            map.put("maybe", null);
            map.put("ats", List.of());
            try {
                return jackson.writeValueAsBytes(map);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new AssertionError(e);
            }
        };
        byte[] canonical = withAt.apply("2020-01-01T00:00:00+00:00", 1.5);
        assertNotNull(timed.read(canonical, 0, canonical.length));
        for (byte[] spelled : List.of(withAt.apply("2020-01-01T00:00:00.000Z", 1.5), withAt.apply("2020-01-01T00:00:00+00:00", "PT1.5S"))) {
            assertNull(timed.read(spelled, 0, spelled.length));
            assertEquals(timed.read(canonical, 0, canonical.length), jackson.readValue(spelled, Timed.class));
        }
    }

    @Test
    void nestedValuesStepAsideToo() throws Exception {
        PlainRecordCodec rich = PlainRecordCodec.of(Rich.class);
        Rich value = new Rich(Optional.of(1L), Optional.empty(), Level.HIGH, Optional.empty(), List.of(1L, 2L), List.of("s"),
                List.of(new Point(1, 2.0)), new Point(3, null), Optional.empty(), List.of(List.of(1)), List.of(Level.LOW), true);
        byte[] bytes = jackson.writeValueAsBytes(value);
        assertEquals(value, rich.read(bytes, 0, bytes.length));
        String hex = HexFormat.of().formatHex(bytes);
        String high = HexFormat.of().formatHex(new byte[] {(byte) 0xa4, 'H', 'I', 'G', 'H'});
        byte[] unknown = HexFormat.of().parseHex(hex.replace(high, HexFormat.of().formatHex(new byte[] {(byte) 0xa4, 'H', 'U', 'G', 'E'})));
        assertNull(rich.read(unknown, 0, unknown.length), "an unknown enum name");
        String twoLongs = "92" + "01" + "02";
        byte[] badElement = HexFormat.of().parseHex(hex.replace(twoLongs, "92" + "01" + "a178"));
        assertNull(rich.read(badElement, 0, badElement.length), "a String where a list holds Longs");
        byte[] flagAsNil = bytes.clone();
        assertEquals((byte) 0xc3 & 0xfe, flagAsNil[flagAsNil.length - 1] & 0xfe, "the last value is the boolean flag");
        flagAsNil[flagAsNil.length - 1] = (byte) 0xc0;
        assertNull(rich.read(flagAsNil, 0, flagAsNil.length), "nil for a primitive inside");
    }
}
