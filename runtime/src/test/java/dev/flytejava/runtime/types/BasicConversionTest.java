package dev.flytejava.runtime.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import flyteidl.core.Literals.Literal;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BasicConversionTest {

    record Coordinate(double x, double y, Map<String, Double> metadata) {}

    private final TypeEngine engine = TypeEngine.builder().build();

    private Object roundTrip(Object value, Type type) {
        Literal literal = engine.toLiteral(value, type);
        return engine.toJava(literal, type);
    }

    @Test
    void primitivesAndContainersRoundTrip() {
        assertEquals(42L, roundTrip(42L, long.class));
        assertEquals("abc", roundTrip("abc", String.class));
        List<Long> longs = List.of(1L, 2L, 3L);
        assertEquals(longs, roundTrip(longs, new TypeRef<List<Long>>() {}.type()));
        Map<String, List<Double>> map = Map.of("a", List.of(1.5), "b", List.of());
        assertEquals(map, roundTrip(map, new TypeRef<Map<String, List<Double>>>() {}.type()));
        assertEquals(LiteralType.newBuilder().setSimple(SimpleType.INTEGER).build(), engine.literalTypeOf(long.class));
    }

    @Test
    void recordTravelsAsStruct() {
        Coordinate c = new Coordinate(1.5, -2, Map.of("weight", 0.25));
        assertEquals(c, roundTrip(c, Coordinate.class));
        LiteralType type = engine.literalTypeOf(Coordinate.class);
        assertEquals(SimpleType.STRUCT, type.getSimple());
        System.out.println(type);
        assertEquals("msgpack", engine.toLiteral(c, Coordinate.class).getScalar().getBinary().getTag());
    }

    @Test
    void errorNamesValueAndPath() {
        Type type = new TypeRef<Map<String, List<Long>>>() {}.type();
        @SuppressWarnings({"unchecked", "rawtypes"})
        Map<String, List<Object>> bad = (Map) Map.of("points", List.of(1L, 2L, "abc"));
        TypeTransformerException e = assertThrows(TypeTransformerException.class, () -> engine.toLiteral(bad, type));
        assertEquals("$.points[2]", e.path());
        assertEquals("Cannot convert [\"abc\"] (java.lang.String) to Flyte type [INTEGER]: expected a [java.lang.Long] at [$.points[2]]",
                e.getMessage());
    }
}
