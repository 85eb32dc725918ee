package dev.flytejava.runtime.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.runtime.types.Samples.Color;
import dev.flytejava.runtime.types.Samples.Coordinate;
import flyteidl.core.Literals.Binary;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralCollection;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import com.google.protobuf.ByteString;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each error says what (value, Java type, Flyte type) and where (path inside the value). */
class ErrorMessagesTest {

    record Shape(String name, List<Point> points) {}

    record Point(long x, long y) {}

    private final TypeEngine engine = TypeEngine.builder().build();

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> T unchecked(Object value) {
        return (T) value;
    }

    @Test
    void wrongElementTypeNamesValueTypeAndPath() {
        Type type = new TypeRef<Map<String, List<Long>>>() {}.type();
        Map<String, List<Long>> bad = unchecked(Map.of("points", List.of(1L, 2L, "abc")));
        TypeTransformerException e = assertThrows(TypeTransformerException.class, () -> engine.toLiteral(bad, type));
        assertEquals("$.points[2]", e.path());
        assertEquals("Cannot convert [\"abc\"] (java.lang.String) to Flyte type [INTEGER]: expected a [java.lang.Long]", e.detail());
        assertEquals(e.detail() + " at [$.points[2]]", e.getMessage());
    }

    @Test
    void wrongTypeInsideListOfMapsOfStringKeysNeedingQuotes() {
        Type type = new TypeRef<List<Map<String, Double>>>() {}.type();
        List<Map<String, Double>> bad = unchecked(List.of(Map.of("ok", 1.0), Map.of("odd key", 7L)));
        TypeTransformerException e = assertThrows(TypeTransformerException.class, () -> engine.toLiteral(bad, type));
        assertEquals("$[1][\"odd key\"]", e.path());
        assertTrue(e.detail().startsWith("Cannot convert [7] (java.lang.Long) to Flyte type [FLOAT]"), e.detail());
    }

    @Test
    void nullOutsideOptionalIsAnErrorWithItsPath() {
        Type type = new TypeRef<List<String>>() {}.type();
        TypeTransformerException e = assertThrows(TypeTransformerException.class,
                () -> engine.toLiteral(Arrays.asList("a", null), type));
        assertEquals("$[1]", e.path());
        assertEquals("Cannot convert [null] to Flyte type [STRING]: null is not allowed for [java.lang.String];"
                + " declare it Optional<...> to allow absence", e.detail());
        TypeTransformerException top = assertThrows(TypeTransformerException.class, () -> engine.toLiteral(null, long.class));
        assertEquals("$", top.path());
        assertTrue(top.getMessage().contains("null is not allowed for [long]"), top.getMessage());
    }

    @Test
    void nullOrStrangerInARecordListNamesItsIndex() {
        Type type = new TypeRef<List<Coordinate>>() {}.type();
        Coordinate ok = new Coordinate(1, 2, Map.of());
        TypeTransformerException nul = assertThrows(TypeTransformerException.class,
                () -> engine.toLiteral(Arrays.asList(ok, ok, null), type));
        assertEquals("$[2]", nul.path());
        assertTrue(nul.detail().startsWith("Cannot convert [null] to Flyte type [STRUCT(Coordinate)]: null is not allowed"), nul.detail());
        List<Coordinate> stranger = unchecked(List.of(ok, "x"));
        TypeTransformerException e = assertThrows(TypeTransformerException.class, () -> engine.toLiteral(stranger, type));
        assertEquals("$[1]", e.path());
        assertTrue(e.detail().startsWith("Cannot convert [\"x\"] (java.lang.String) to Flyte type [STRUCT(Coordinate)]: expected a ["),
                e.detail());
    }

    @Test
    void literalOfTheWrongKindNamesLiteralJavaTypeAndFlyteType() {
        Literal strings = Literal.newBuilder().setCollection(LiteralCollection.newBuilder()
                .addLiterals(lit(Primitive.newBuilder().setInteger(1)))
                .addLiterals(lit(Primitive.newBuilder().setStringValue("abc")))).build();
        TypeTransformerException e = assertThrows(TypeTransformerException.class,
                () -> engine.toJava(strings, new TypeRef<List<Long>>() {}.type()));
        assertEquals("$[1]", e.path());
        assertEquals("Cannot convert literal [STRING \"abc\"] to Java type [java.lang.Long] (Flyte type [INTEGER]):"
                + " expected an INTEGER primitive", e.detail());
    }

    @Test
    void badFieldInsideARecordListGivesTheJacksonPath() {
        // a record whose second point has a string for y, as a foreign writer might send as a generic struct
        com.google.protobuf.Struct struct = com.google.protobuf.Struct.newBuilder()
                .putFields("name", com.google.protobuf.Value.newBuilder().setStringValue("tri").build())
                .putFields("points", com.google.protobuf.Value.newBuilder().setListValue(com.google.protobuf.ListValue.newBuilder()
                        .addValues(point(1, "2")).addValues(point(3, "four"))).build())
                .build();
        Literal literal = Literal.newBuilder().setCollection(LiteralCollection.newBuilder()
                .addLiterals(Literal.newBuilder().setScalar(Scalar.newBuilder().setGeneric(struct)))).build();
        TypeTransformerException e = assertThrows(TypeTransformerException.class,
                () -> engine.toJava(literal, new TypeRef<List<Shape>>() {}.type()));
        assertEquals("$[0].points[1].y", e.path());
        assertTrue(e.detail().contains("to Java type [" + Shape.class.getName() + "] (Flyte type [STRUCT(Shape)])"), e.detail());
    }

    private static com.google.protobuf.Value point(long x, String y) {
        return com.google.protobuf.Value.newBuilder().setStructValue(com.google.protobuf.Struct.newBuilder()
                .putFields("x", com.google.protobuf.Value.newBuilder().setNumberValue(x).build())
                .putFields("y", com.google.protobuf.Value.newBuilder().setStringValue(y).build())).build();
    }

    @Test
    void unknownEnumValueListsTheAllowedOnes() {
        TypeTransformerException e = assertThrows(TypeTransformerException.class,
                () -> engine.toJava(lit(Primitive.newBuilder().setStringValue("PURPLE")), Color.class));
        assertTrue(e.getMessage().endsWith("[PURPLE] is not one of [RED, GREEN, BLUE]"), e.getMessage());
    }

    @Test
    void integerTooLargeForInt() {
        TypeTransformerException e = assertThrows(TypeTransformerException.class,
                () -> engine.toJava(lit(Primitive.newBuilder().setInteger(1L << 40)), int.class));
        assertTrue(e.getMessage().endsWith("1099511627776 does not fit an int; declare it long"), e.getMessage());
    }

    @Test
    void mapsNeedStringKeysAndListsNeedTypeArguments() {
        TypeTransformerException keys = assertThrows(TypeTransformerException.class,
                () -> engine.literalTypeOf(new TypeRef<Map<Integer, String>>() {}.type()));
        assertTrue(keys.getMessage().contains("Flyte maps need String keys: declare Map<String, T>"), keys.getMessage());
        TypeTransformerException raw = assertThrows(TypeTransformerException.class, () -> engine.literalTypeOf(List.class));
        assertTrue(raw.getMessage().contains("[java.util.List] needs its type arguments, e.g. List<Long>"), raw.getMessage());
    }

    @Test
    void noTransformerTellsTheUserToWriteOne() {
        NoTransformerException e = assertThrows(NoTransformerException.class, () -> engine.literalTypeOf(LocalDate.class));
        assertEquals("No TypeTransformer for type [java.time.LocalDate] (a JDK class is not treated as a POJO):"
                + " implement TypeTransformer<LocalDate> and register it with TypeEngine.register(...) (or ServiceLoader),"
                + " or map it onto a known type with TypeTransformer.via(...)", e.getMessage());
        NoTransformerException nested = assertThrows(NoTransformerException.class,
                () -> engine.toLiteral(List.of(LocalDate.EPOCH), new TypeRef<List<LocalDate>>() {}.type()));
        assertEquals(LocalDate.class, nested.javaType());
    }

    @Test
    void arraysAndInterfacesSayWhatToUseInstead() {
        NoTransformerException array = assertThrows(NoTransformerException.class, () -> engine.literalTypeOf(long[].class));
        assertTrue(array.getMessage().startsWith("No TypeTransformer for type [long[]] (arrays other than byte[] have no Flyte"
                + " type; use List<T>)"), array.getMessage());
        NoTransformerException set = assertThrows(NoTransformerException.class,
                () -> engine.literalTypeOf(new TypeRef<java.util.Set<Long>>() {}.type()));
        assertTrue(set.getMessage().startsWith("No TypeTransformer for type [java.util.Set<java.lang.Long>] (an interface or"
                + " abstract class; use a concrete type or register a transformer for this one)"), set.getMessage());
    }

    @Test
    void binaryWithAnotherTagIsRefused() {
        Literal pickled = Literal.newBuilder().setScalar(Scalar.newBuilder().setBinary(Binary.newBuilder()
                .setTag("pickle").setValue(ByteString.copyFromUtf8("x")))).build();
        TypeTransformerException e = assertThrows(TypeTransformerException.class, () -> engine.toJava(pickled, Coordinate.class));
        assertTrue(e.getMessage().endsWith("unsupported binary tag [pickle], expected [msgpack]"), e.getMessage());
    }

    @Test
    void nonStringKeyAtRuntime() {
        Map<String, Long> bad = unchecked(new HashMap<>(Map.of(5, 1L)));
        TypeTransformerException e = assertThrows(TypeTransformerException.class,
                () -> engine.toLiteral(bad, new TypeRef<Map<String, Long>>() {}.type()));
        assertTrue(e.getMessage().contains("Flyte maps need String keys, found key [5] (java.lang.Integer)"), e.getMessage());
    }

    @Test
    void optionalAcceptsBareValuesAndBareNone() {
        Type type = JavaTypes.optionalOf(Long.class);
        assertEquals(Optional.of(3L), engine.toJava(lit(Primitive.newBuilder().setInteger(3)), type));
        assertEquals(Optional.empty(), engine.toJava(Literal.newBuilder().setScalar(Scalar.newBuilder()
                .setNoneType(flyteidl.core.Literals.Void.getDefaultInstance())).build(), type));
    }

    private static Literal lit(Primitive.Builder primitive) {
        return Literal.newBuilder().setScalar(Scalar.newBuilder().setPrimitive(primitive)).build();
    }
}
