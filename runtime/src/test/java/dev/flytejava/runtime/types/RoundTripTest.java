package dev.flytejava.runtime.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flytejava.runtime.types.Samples.Color;
import dev.flytejava.runtime.types.Samples.Coordinate;
import dev.flytejava.runtime.types.Samples.Reading;
import dev.flytejava.runtime.types.Samples.Station;
import flyteidl.core.Literals.Literal;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** value -> literal -> value equals the value, for every built-in, nested, on seeded random cases. */
class RoundTripTest {

    private static final int CASES = 300;

    private final TypeEngine engine = TypeEngine.builder().build();

    /** Converts through the literal's wire form too, so nothing survives only as a shared Java object. */
    private Object roundTrip(Object value, Type type) throws Exception {
        Literal literal = engine.toLiteral(value, type);
        Literal wire = Literal.parseFrom(literal.toByteArray());
        return engine.toJava(wire, type);
    }

    private <T> void check(Type type, Function<Random, T> values) throws Exception {
        Random random = new Random(type.getTypeName().hashCode());
        for (int i = 0; i < CASES; i++) {
            T value = values.apply(random);
            assertEquals(value, roundTrip(value, type), () -> "round trip of " + value + " as " + type.getTypeName());
        }
    }

    @Test
    void scalars() throws Exception {
        check(long.class, Random::nextLong);
        check(Long.class, Random::nextLong);
        check(int.class, Random::nextInt);
        check(Integer.class, Random::nextInt);
        check(double.class, Samples::finiteDouble);
        check(Double.class, r -> r.nextInt(10) == 0 ? Double.NaN : r.nextInt(10) == 0 ? Double.NEGATIVE_INFINITY : Samples.finiteDouble(r));
        check(float.class, r -> (float) Samples.finiteDouble(r));
        check(boolean.class, Random::nextBoolean);
        check(Boolean.class, Random::nextBoolean);
        check(String.class, Samples::string);
        check(Instant.class, r -> Instant.ofEpochSecond(r.nextInt(), r.nextInt(1_000_000_000)));
        check(OffsetDateTime.class, r -> Instant.ofEpochSecond(r.nextInt(), r.nextInt(1_000_000_000)).atOffset(ZoneOffset.UTC));
        check(Duration.class, r -> Duration.ofSeconds(r.nextInt(), r.nextInt(1_000_000_000)));
        check(Color.class, r -> Color.values()[r.nextInt(3)]);
    }

    @Test
    void offsetDateTimeKeepsTheInstantAndComesBackAtUtc() {
        OffsetDateTime paris = OffsetDateTime.of(2024, 5, 1, 12, 0, 0, 5, ZoneOffset.ofHours(2));
        Object back = engine.toJava(engine.toLiteral(paris, OffsetDateTime.class), OffsetDateTime.class);
        assertEquals(paris.toInstant(), ((OffsetDateTime) back).toInstant());
        assertEquals(ZoneOffset.UTC, ((OffsetDateTime) back).getOffset());
    }

    @Test
    void bytes() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < CASES; i++) {
            byte[] value = new byte[random.nextInt(64)];
            random.nextBytes(value);
            assertArrayEquals(value, (byte[]) roundTrip(value, byte[].class));
        }
    }

    @Test
    void containersNestFreely() throws Exception {
        check(new TypeRef<List<Long>>() {}.type(), r -> randomList(r, Random::nextLong));
        check(new TypeRef<List<Double>>() {}.type(), r -> randomList(r, Samples::finiteDouble));
        check(new TypeRef<List<String>>() {}.type(), r -> randomList(r, Samples::string));
        check(new TypeRef<List<Integer>>() {}.type(), r -> randomList(r, Random::nextInt));
        check(new TypeRef<List<List<Boolean>>>() {}.type(), r -> randomList(r, r2 -> randomList(r2, Random::nextBoolean)));
        check(new TypeRef<Map<String, Long>>() {}.type(), r -> randomMap(r, Random::nextLong));
        check(new TypeRef<List<Map<String, List<Coordinate>>>>() {}.type(),
                r -> randomList(r, r2 -> randomMap(r2, Samples::coordinates)));
        check(new TypeRef<Map<String, Optional<Color>>>() {}.type(),
                r -> randomMap(r, r2 -> r2.nextBoolean() ? Optional.of(Color.values()[r2.nextInt(3)]) : Optional.empty()));
        check(JavaTypes.listOf(JavaTypes.mapOf(Duration.class)), r -> randomList(r, r2 -> randomMap(r2, r3 -> Duration.ofMillis(r3.nextLong()))));
    }

    @Test
    void optionals() throws Exception {
        check(new TypeRef<Optional<Long>>() {}.type(), r -> r.nextBoolean() ? Optional.of(r.nextLong()) : Optional.empty());
        check(new TypeRef<Optional<List<String>>>() {}.type(),
                r -> r.nextBoolean() ? Optional.of(randomList(r, Samples::string)) : Optional.empty());
        check(new TypeRef<List<Optional<Coordinate>>>() {}.type(),
                r -> randomList(r, r2 -> r2.nextBoolean() ? Optional.of(Samples.coordinate(r2)) : Optional.empty()));
        assertEquals(Optional.empty(), engine.toJava(engine.toLiteral(null, JavaTypes.optionalOf(Long.class)), JavaTypes.optionalOf(Long.class)));
    }

    @Test
    void filesAndDirectories() throws Exception {
        check(FlyteFile.class, r -> new FlyteFile(r.nextBoolean() ? "s3://bucket/" + r.nextInt(1000) + "/data.csv" : "/tmp/f" + r.nextInt()));
        check(FlyteDirectory.class, r -> new FlyteDirectory("gs://bucket/prefix-" + r.nextInt(1000) + "/"));
        check(Path.class, r -> Path.of("/tmp", "dir" + r.nextInt(100), "file" + r.nextInt(100)));
        check(new TypeRef<List<FlyteFile>>() {}.type(), r -> randomList(r, r2 -> new FlyteFile("/data/" + r2.nextInt(50))));
        String[] formats = {"parquet", "csv", ""};
        check(StructuredDataset.class, r -> new StructuredDataset("s3://bucket/df-" + r.nextInt(1000) + "/", formats[r.nextInt(3)]));
        check(new TypeRef<Optional<StructuredDataset>>() {}.type(),
                r -> r.nextBoolean() ? Optional.of(new StructuredDataset("/tmp/df" + r.nextInt(), "parquet")) : Optional.empty());
    }

    @Test
    void recordsAndPojos() throws Exception {
        check(Coordinate.class, Samples::coordinate);
        check(Reading.class, Samples::reading);
        check(new TypeRef<List<Reading>>() {}.type(), r -> randomList(r, Samples::reading));
        check(Station.class, r -> new Station(Samples.string(r), r.nextInt(), randomList(r, Samples::string)));
        check(new TypeRef<Optional<Station>>() {}.type(),
                r -> r.nextBoolean() ? Optional.of(new Station(Samples.string(r), r.nextInt(), List.of())) : Optional.empty());
    }

    /** Fields of every built-in kind inside one record. */
    record Shipment(FlyteFile manifest, FlyteDirectory photos, Instant sent, Duration transit, Optional<Long> weight,
            Color label, byte[] checksum, Map<String, List<Instant>> stops) {}

    @Test
    void recordFieldsOfEveryKind() throws Exception {
        Random random = new Random(11);
        for (int i = 0; i < CASES; i++) {
            byte[] checksum = new byte[random.nextInt(8)];
            random.nextBytes(checksum);
            Shipment value = new Shipment(new FlyteFile("s3://b/m" + random.nextInt()), new FlyteDirectory("/tmp/p" + random.nextInt()),
                    Instant.ofEpochSecond(random.nextInt(), random.nextInt(1_000_000_000)), Duration.ofMillis(random.nextInt()),
                    random.nextBoolean() ? Optional.of(random.nextLong()) : Optional.empty(), Color.values()[random.nextInt(3)],
                    checksum, randomMap(random, r -> randomList(r, r2 -> Instant.ofEpochMilli(r2.nextInt()))));
            Shipment back = (Shipment) roundTrip(value, Shipment.class);
            assertArrayEquals(value.checksum(), back.checksum());
            assertEquals(value, new Shipment(back.manifest(), back.photos(), back.sent(), back.transit(), back.weight(), back.label(),
                    value.checksum(), back.stops()));
        }
    }

    @Test
    void filesInsideRecordsAreWrittenAsFlytekitDoes() throws Exception {
        record Holder(FlyteFile file) {}
        Literal literal = engine.toLiteral(new Holder(new FlyteFile("s3://bucket/a.csv")), Holder.class);
        var tree = new com.fasterxml.jackson.databind.ObjectMapper(new org.msgpack.jackson.dataformat.MessagePackFactory())
                .readTree(literal.getScalar().getBinary().getValue().toByteArray());
        assertEquals("{\"file\":{\"path\":\"s3://bucket/a.csv\"}}", tree.toString());
        var properties = engine.literalTypeOf(Holder.class).getMetadata().getFieldsOrThrow("properties").getStructValue()
                .getFieldsOrThrow("file").getStructValue().getFieldsOrThrow("properties").getStructValue();
        assertEquals(java.util.Set.of("path", "metadata"), properties.getFieldsMap().keySet()); // flytekit's schema of FlyteFile

        record Table(StructuredDataset rows) {}
        Literal table = engine.toLiteral(new Table(new StructuredDataset("s3://bucket/t/", "parquet")), Table.class);
        assertEquals("{\"rows\":{\"uri\":\"s3://bucket/t/\",\"file_format\":\"parquet\"}}",
                new com.fasterxml.jackson.databind.ObjectMapper(new org.msgpack.jackson.dataformat.MessagePackFactory())
                        .readTree(table.getScalar().getBinary().getValue().toByteArray()).toString());
    }

    @Test
    void untypedMapsTravelAsStruct() throws Exception {
        check(new TypeRef<Map<String, Object>>() {}.type(), r -> {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("n", r.nextLong());
            map.put("x", Samples.finiteDouble(r));
            map.put("s", Samples.string(r));
            map.put("flag", r.nextBoolean());
            map.put("list", randomList(r, Random::nextLong));
            map.put("nested", Map.of("k", Samples.string(r)));
            return map;
        });
    }

    private static <T> List<T> randomList(Random random, Function<Random, T> element) {
        List<T> list = new ArrayList<>();
        for (int i = random.nextInt(6); i > 0; i--) {
            list.add(element.apply(random));
        }
        return list;
    }

    private static <T> Map<String, T> randomMap(Random random, Function<Random, T> value) {
        Map<String, T> map = new LinkedHashMap<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            map.put(Samples.string(random), value.apply(random));
        }
        return map;
    }
}
