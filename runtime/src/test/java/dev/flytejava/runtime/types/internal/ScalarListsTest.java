package dev.flytejava.runtime.types.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.flytejava.runtime.types.TypeConverter;
import dev.flytejava.runtime.types.TypeEngine;
import dev.flytejava.runtime.types.TypeRef;
import dev.flytejava.runtime.types.TypeTransformerException;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralCollection;
import flyteidl.core.Literals.Primitive;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scalar-list hot paths: same literals and values as the per-element route, with primitive-backed lists read back. */
class ScalarListsTest {

    private final TypeEngine engine = TypeEngine.createDefault(getClass().getClassLoader());
    private final TypeConverter longs = engine.converter(new TypeRef<List<Long>>() {}.type());
    private final TypeConverter doubles = engine.converter(new TypeRef<List<Double>>() {}.type());

    @Test
    void longsReadBackAsAnImmutablePrimitiveListEqualToTheOriginal() {
        List<Long> original = List.of(0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 300L);
        Object back = longs.toJava(longs.toLiteral(original));
        assertInstanceOf(LongList.class, back);
        assertEquals(original, back);
        assertEquals(original.hashCode(), back.hashCode());
        assertEquals(original.toString(), back.toString());
        assertThrows(UnsupportedOperationException.class, () -> ((List<Long>) back).set(0, 1L));
    }

    @Test
    void aListReadBackConvertsAgainToTheSameLiteral() {
        List<Double> original = List.of(0.5, -0.0, Double.NaN, 1e300);
        Literal literal = doubles.toLiteral(original);
        Object back = doubles.toJava(literal);
        assertInstanceOf(DoubleList.class, back);
        assertEquals(original, back);
        assertEquals(literal, doubles.toLiteral(back));
        Literal longLiteral = longs.toLiteral(new ArrayList<>(List.of(1L, 2L)));
        assertEquals(longLiteral, longs.toLiteral(longs.toJava(longLiteral)));
    }

    @Test
    void otherPrimitiveKindsAreReadLenientlyOrFailWithTheirIndex() {
        Literal mixed = collection(Primitive.newBuilder().setInteger(1), Primitive.newBuilder().setFloatValue(2.0));
        assertEquals(List.of(1L, 2L), longs.toJava(mixed));
        assertEquals(List.of(1.0, 2.0), doubles.toJava(mixed));
        Literal bad = collection(Primitive.newBuilder().setInteger(1), Primitive.newBuilder().setStringValue("x"));
        assertEquals("$[1]", assertThrows(TypeTransformerException.class, () -> longs.toJava(bad)).path());
        assertEquals("$[1]", assertThrows(TypeTransformerException.class, () -> doubles.toJava(bad)).path());
    }

    private static Literal collection(Primitive.Builder... elements) {
        LiteralCollection.Builder collection = LiteralCollection.newBuilder();
        for (Primitive.Builder element : elements) {
            collection.addLiterals(Literals.of(element));
        }
        return Literal.newBuilder().setCollection(collection).build();
    }
}
