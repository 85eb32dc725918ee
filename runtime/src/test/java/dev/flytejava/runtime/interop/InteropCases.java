package dev.flytejava.runtime.interop;

import dev.flytejava.runtime.interop.Mirrors.Basket;
import dev.flytejava.runtime.interop.Mirrors.Color;
import dev.flytejava.runtime.interop.Mirrors.Event;
import dev.flytejava.runtime.interop.Mirrors.Line;
import dev.flytejava.runtime.interop.Mirrors.Mode;
import dev.flytejava.runtime.interop.Mirrors.Point;
import dev.flytejava.runtime.interop.Mirrors.Refs;
import dev.flytejava.runtime.interop.Mirrors.Stamp;
import dev.flytejava.runtime.types.FlyteDirectory;
import dev.flytejava.runtime.types.FlyteFile;
import dev.flytejava.runtime.types.StructuredDataset;
import dev.flytejava.runtime.types.TypeRef;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Java side of the interop table: the same case names as {@code CASES} in {@code interop/flytekit_interop.py},
 * each with the Java type that mirrors the Python type and the Java value equal to the Python value. Maps are
 * insertion-ordered as Python dicts are, so msgpack bytes can be compared too.
 */
final class InteropCases {

    record Case(String name, Type type, Object value) {}

    private InteropCases() {}

    static final Basket BASKET = new Basket(
            "b-17",
            List.of(new Line("A-1", 2, 9.5), new Line("B-2", 1, 0.1)),
            ordered("channel", "web", "région", "eu"),
            ordered("A-1", new Line("A-1", 2, 9.5)),
            List.of(List.of(1L, 2L), List.of(), List.of(-3L)),
            Color.BLUE,
            Mode.FAST,
            Optional.empty(),
            Optional.of(new Line("A-1", 2, 9.5)),
            ordered("gift", List.of(true, false), "none", List.of()),
            true);

    static List<Case> all() {
        List<Case> cases = new ArrayList<>();
        add(cases, "int_zero", long.class, 0L);
        add(cases, "int_negative", long.class, -42L);
        add(cases, "int_big", long.class, (1L << 62) + 1);
        add(cases, "int_min", long.class, Long.MIN_VALUE);
        add(cases, "float_fraction", double.class, 0.1);
        add(cases, "float_huge_negative", double.class, -2.5e300);
        add(cases, "float_integral", double.class, 3.0);
        add(cases, "float_infinity", double.class, Double.POSITIVE_INFINITY);
        add(cases, "str_empty", String.class, "");
        add(cases, "str_unicode", String.class, "héllo, wörld ✓ 🚀");
        add(cases, "bool_true", boolean.class, true);
        add(cases, "bool_false", boolean.class, false);
        add(cases, "datetime_utc", Instant.class, Instant.parse("2024-02-29T23:59:58.123456Z"));
        add(cases, "datetime_whole_second", Instant.class, Instant.parse("1999-12-31T00:00:00Z"));
        add(cases, "datetime_before_epoch", Instant.class, Instant.parse("1969-07-20T20:17:40.500Z"));
        add(cases, "timedelta_long", Duration.class, Duration.ofDays(3).plusHours(4).plusSeconds(5).plusNanos(6_000));
        add(cases, "timedelta_negative", Duration.class, Duration.ofSeconds(-90));
        add(cases, "timedelta_negative_fraction", Duration.class, Duration.ofNanos(-1_500_000));
        add(cases, "enum_value", Color.class, Color.GREEN);
        add(cases, "enum_plain", Mode.class, Mode.SLOW);
        add(cases, "list_ints", new TypeRef<List<Long>>() {}.type(), List.of(1L, -2L, 3L));
        add(cases, "list_empty", new TypeRef<List<String>>() {}.type(), List.of());
        add(cases, "list_nested", new TypeRef<List<List<Double>>>() {}.type(), List.of(List.of(1.5), List.of(), List.of(2.0, -3.25)));
        add(cases, "list_optional", new TypeRef<List<Optional<String>>>() {}.type(),
                List.of(Optional.of("a"), Optional.empty(), Optional.of("c")));
        add(cases, "list_enums", new TypeRef<List<Color>>() {}.type(), List.of(Color.RED, Color.BLUE));
        add(cases, "dict_str_int", new TypeRef<Map<String, Long>>() {}.type(), ordered("a", 1L, "b", 2L));
        add(cases, "dict_nested", new TypeRef<Map<String, List<Boolean>>>() {}.type(),
                ordered("x", List.of(true, false), "y", List.of()));
        add(cases, "dict_untyped", new TypeRef<Map<String, Object>>() {}.type(),
                ordered("n", 1L, "f", 2.5, "s", "x", "l", List.of(1L, "two"), "m", ordered("k", null), "b", true));
        add(cases, "optional_none", new TypeRef<Optional<Long>>() {}.type(), Optional.empty());
        add(cases, "optional_set", new TypeRef<Optional<Long>>() {}.type(), Optional.of(7L));
        add(cases, "optional_str", new TypeRef<Optional<String>>() {}.type(), Optional.of("x"));
        add(cases, "optional_dataclass", new TypeRef<Optional<Point>>() {}.type(), Optional.of(new Point(3, 4)));
        add(cases, "optional_dataclass_none", new TypeRef<Optional<Point>>() {}.type(), Optional.empty());
        add(cases, "dataclass_flat", Point.class, new Point(1, -2));
        add(cases, "dataclass_nested", Basket.class, BASKET);
        add(cases, "dataclass_times", Event.class, new Event(
                Instant.parse("2024-02-29T23:59:58.123456Z"),
                LocalDateTime.parse("2024-03-01T08:30:00.250"),
                Duration.ofSeconds(90, 250_000),
                Optional.empty(),
                Instant.parse("2000-01-01T00:00:00Z")));
        add(cases, "dataclass_plain_times", Stamp.class, new Stamp(Instant.parse("2021-05-06T07:08:09.000010Z"),
                Duration.ofHours(2), Mode.SLOW, List.of(0.5, 2.0), Optional.of(3L)));
        add(cases, "list_plain_times", new TypeRef<List<Stamp>>() {}.type(), List.of(
                new Stamp(Instant.EPOCH, Duration.ZERO, Mode.FAST, List.of(), Optional.empty()),
                new Stamp(Instant.parse("2030-12-31T23:59:59.999999Z"), Duration.ofDays(-1).plusNanos(1_000), Mode.SLOW,
                        List.of(-1.0), Optional.of(-5L))));
        add(cases, "dataclass_refs", Refs.class, new Refs(new FlyteFile("s3://bucket/data/a.csv"),
                new FlyteDirectory("s3://bucket/data/dir"), new StructuredDataset("s3://bucket/tables/t1", "parquet")));
        add(cases, "list_dataclass", new TypeRef<List<Point>>() {}.type(), List.of(new Point(0, 0), new Point(-1, 1L << 40)));
        add(cases, "dict_dataclass", new TypeRef<Map<String, Line>>() {}.type(), ordered("first", new Line("C-3", 5, 1.25)));
        add(cases, "file_remote", FlyteFile.class, new FlyteFile("s3://bucket/data/report.pdf"));
        add(cases, "directory_remote", FlyteDirectory.class, new FlyteDirectory("s3://bucket/data/images"));
        add(cases, "dataset_parquet", StructuredDataset.class, new StructuredDataset("s3://bucket/tables/t2", "parquet"));
        add(cases, "dataset_any_format", StructuredDataset.class, new StructuredDataset("gs://bucket/tables/t3", ""));
        return cases;
    }

    private static void add(List<Case> cases, String name, Type type, Object value) {
        cases.add(new Case(name, type, value));
    }

    /** A map in the order given (Python dicts keep insertion order; null values allowed). */
    @SuppressWarnings("unchecked")
    static <V> Map<String, V> ordered(Object... keysAndValues) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return map;
    }
}
