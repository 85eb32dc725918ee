package dev.flytejava.runtime.types.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flytejava.runtime.types.TypeConverter;
import dev.flytejava.runtime.types.TypeEngine;
import dev.flytejava.runtime.types.TypeRef;
import dev.flytejava.runtime.types.TypeTransformerException;
import flyteidl.core.Literals.Literal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A list of records written through one generator gives, element by element, the literals of the per-value write. */
class RecordListWriteTest {

    record Inner(String label, List<Double> values) {}

    record Row(long id, Optional<String> note, Instant at, Map<String, Inner> parts, byte[] raw) {}

    record Fragile(long x) {
        @Override
        public long x() {
            if (x < 0) {
                throw new IllegalStateException("negative x");
            }
            return x;
        }
    }

    /** A POJO whose subclass instances take the per-value route (the list writer could pick another serializer). */
    public static class Animal {
        public String name;

        public Animal() {}

        Animal(String name) {
            this.name = name;
        }
    }

    public static class Dog extends Animal {
        public int barks;

        public Dog() {}

        Dog(String name, int barks) {
            super(name);
            this.barks = barks;
        }
    }

    private final TypeEngine engine = TypeEngine.builder().build();

    private static List<Row> rows(int n) {
        Random random = new Random(11);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Row(random.nextLong(), i % 3 == 0 ? Optional.empty() : Optional.of("n" + i),
                    Instant.ofEpochSecond(random.nextInt()), Map.of("p" + i, new Inner("x", List.of(random.nextDouble()))),
                    new byte[] {(byte) i, 2, 3}));
        }
        return rows;
    }

    private static List<Literal> perValue(TypeConverter element, List<?> values) {
        List<Literal> literals = new ArrayList<>();
        for (Object value : values) {
            literals.add(element.toLiteral(value));
        }
        return literals;
    }

    @Test
    void oneGeneratorWritesWhatEachValueWrites() {
        TypeConverter list = engine.converter(new TypeRef<List<Row>>() {}.type());
        List<Row> rows = rows(300);
        Literal literal = list.toLiteral(rows);
        assertEquals(perValue(engine.converter(Row.class), rows), literal.getCollection().getLiteralsList());
        @SuppressWarnings("unchecked")
        List<Row> back = (List<Row>) list.toJava(literal);
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(rows.get(i).id(), back.get(i).id());
            assertEquals(rows.get(i).parts(), back.get(i).parts());
            assertEquals(Arrays.toString(rows.get(i).raw()), Arrays.toString(back.get(i).raw()));
        }
        assertEquals(0, list.toLiteral(List.of()).getCollection().getLiteralsCount());
    }

    public record Plain(long id, double score, String name, Boolean flag) {}

    @Test
    void plainRecordsGiveJacksonsBytesAloneAndInLists() throws Exception {
        Random random = new Random(5);
        List<Plain> rows = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            rows.add(new Plain(random.nextLong(), random.nextDouble(), "row " + i, i % 3 == 0 ? null : i % 2 == 0));
        }
        TypeConverter list = engine.converter(new TypeRef<List<Plain>>() {}.type());
        Literal literal = list.toLiteral(rows);
        assertEquals(perValue(engine.converter(Plain.class), rows), literal.getCollection().getLiteralsList());
        com.fasterxml.jackson.databind.ObjectMapper jackson = new JacksonMappers().msgpack();
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(com.google.protobuf.ByteString.copyFrom(jackson.writeValueAsBytes(rows.get(i))),
                    literal.getCollection().getLiterals(i).getScalar().getBinary().getValue());
        }
        assertEquals(rows, list.toJava(literal));
    }

    @Test
    void subclassesTakeThePerValueRoute() {
        TypeConverter list = engine.converter(new TypeRef<List<Animal>>() {}.type());
        List<Animal> animals = List.of(new Animal("cat"), new Dog("rex", 3));
        assertEquals(perValue(engine.converter(Animal.class), animals), list.toLiteral(animals).getCollection().getLiteralsList());
    }

    @Test
    void failingValueGetsTheUsualErrorWithItsIndex() {
        TypeConverter list = engine.converter(new TypeRef<List<Fragile>>() {}.type());
        TypeTransformerException listError = assertThrows(TypeTransformerException.class,
                () -> list.toLiteral(List.of(new Fragile(1), new Fragile(-2), new Fragile(3))));
        TypeTransformerException elementError = assertThrows(TypeTransformerException.class,
                () -> engine.converter(Fragile.class).toLiteral(new Fragile(-2)));
        assertEquals("$[1]" + elementError.path().substring(1), listError.path());
        assertEquals(elementError.detail(), listError.detail());

        List<Fragile> withNull = new ArrayList<>(List.of(new Fragile(1)));
        withNull.add(null);
        assertEquals("$[1]", assertThrows(TypeTransformerException.class, () -> list.toLiteral(withNull)).path());
    }
}
