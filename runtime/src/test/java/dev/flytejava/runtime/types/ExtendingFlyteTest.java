package dev.flytejava.runtime.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.flytejava.runtime.types.CelsiusTransformer.Celsius;
import dev.flytejava.runtime.types.Samples.Coordinate;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The "Extending Flyte" guide in Java: dataclass-like records, wholly new types, and what happens without a transformer. */
class ExtendingFlyteTest {

    /** A wholly new type, carried as a STRING through TypeTransformer.via. */
    record Point(long x, long y) {
        static Point parse(String text) {
            String[] parts = text.split(",");
            return new Point(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        }
    }

    /** No properties, no transformer: the engine must say to write one. */
    static final class Opaque {
        final int secret = 7;
    }

    private static final LiteralType FLOAT = LiteralType.newBuilder().setSimple(SimpleType.FLOAT).build();

    @Test
    void coordinateRecordIsAStructWithSchemaAndMsgpackValue() {
        TypeEngine engine = TypeEngine.builder().build();
        LiteralType type = engine.literalTypeOf(Coordinate.class);
        assertEquals(SimpleType.STRUCT, type.getSimple());
        Struct schema = type.getMetadata();
        assertEquals("Coordinate", schema.getFieldsOrThrow("title").getStringValue());
        assertEquals("object", schema.getFieldsOrThrow("type").getStringValue());
        assertEquals(Value.newBuilder().setBoolValue(false).build(), schema.getFieldsOrThrow("additionalProperties"));
        Struct properties = schema.getFieldsOrThrow("properties").getStructValue();
        assertEquals("number", properties.getFieldsOrThrow("x").getStructValue().getFieldsOrThrow("type").getStringValue());
        assertEquals("object", properties.getFieldsOrThrow("metadata").getStructValue().getFieldsOrThrow("type").getStringValue());
        assertEquals(Map.of("x", FLOAT, "y", FLOAT, "metadata", LiteralType.newBuilder().setMapValueType(FLOAT).build()),
                type.getStructure().getDataclassTypeMap());
        assertEquals("msgpack", type.getAnnotation().getAnnotations().getFieldsOrThrow("cache-key-metadata")
                .getStructValue().getFieldsOrThrow("serialization-format").getStringValue());

        Coordinate c = new Coordinate(1.5, -2.0, Map.of("weight", 0.25));
        Literal literal = engine.toLiteral(c, Coordinate.class);
        assertEquals("msgpack", literal.getScalar().getBinary().getTag());
        assertEquals(c, engine.toJava(literal, Coordinate.class));

        // the guide's tasks take and return List[Coordinate]
        Type list = new TypeRef<List<Coordinate>>() {}.type();
        assertEquals(List.of(c, c), engine.toJava(engine.toLiteral(List.of(c, c), list), list));
    }

    @Test
    void coordinateAlsoReadsFromTheGenericStructForm() {
        TypeEngine engine = TypeEngine.builder().build();
        Struct generic = Struct.newBuilder()
                .putFields("x", Value.newBuilder().setNumberValue(3).build())
                .putFields("y", Value.newBuilder().setNumberValue(4.5).build())
                .putFields("metadata", Value.newBuilder().setStructValue(Struct.newBuilder()
                        .putFields("w", Value.newBuilder().setNumberValue(1).build())).build())
                .build();
        Literal literal = Literal.newBuilder().setScalar(Scalar.newBuilder().setGeneric(generic)).build();
        assertEquals(new Coordinate(3, 4.5, Map.of("w", 1.0)), engine.toJava(literal, Coordinate.class));
    }

    @Test
    void viaMapsANewTypeOntoAKnownOne() {
        TypeEngine engine = TypeEngine.builder().build();
        engine.register(TypeTransformer.via(Point.class, String.class, p -> p.x() + "," + p.y(), Point::parse));
        assertEquals(LiteralType.newBuilder().setSimple(SimpleType.STRING).build(), engine.literalTypeOf(Point.class));
        Literal literal = engine.toLiteral(new Point(3, 4), Point.class);
        assertEquals("3,4", literal.getScalar().getPrimitive().getStringValue());
        assertEquals(new Point(3, 4), engine.toJava(literal, Point.class));
        Type nested = new TypeRef<Map<String, List<Point>>>() {}.type();
        Map<String, List<Point>> value = Map.of("tri", List.of(new Point(0, 0), new Point(1, 0), new Point(0, 1)));
        assertEquals(value, engine.toJava(engine.toLiteral(value, nested), nested));
    }

    @Test
    void aRecordCanBeTakenOverByARegisteredTransformer() {
        TypeEngine engine = TypeEngine.builder().build();
        assertEquals(SimpleType.STRUCT, engine.literalTypeOf(Point.class).getSimple()); // Jackson first ...
        engine.register(TypeTransformer.via(Point.class, String.class, p -> p.x() + "," + p.y(), Point::parse));
        assertEquals(SimpleType.STRING, engine.literalTypeOf(Point.class).getSimple()); // ... the registered one after
    }

    @Test
    void aWhollyNewTypeNeedsATransformerAndSaysSo() {
        TypeEngine engine = TypeEngine.builder().build();
        NoTransformerException e = assertThrows(NoTransformerException.class, () -> engine.toLiteral(new Opaque(), Opaque.class));
        assertEquals("No TypeTransformer for type [" + Opaque.class.getTypeName() + "] (not a record, and Jackson finds no"
                + " properties (public fields or getters) in it): implement TypeTransformer<Opaque> and register it with"
                + " TypeEngine.register(...) (or ServiceLoader), or map it onto a known type with TypeTransformer.via(...)",
                e.getMessage());

        engine.register(TypeTransformer.via(Opaque.class, Long.class, o -> (long) o.secret, n -> new Opaque()));
        assertInstanceOf(Opaque.class, engine.toJava(engine.toLiteral(new Opaque(), Opaque.class), Opaque.class));
    }

    @Test
    void serviceLoaderTransformersAreFoundThroughTheGivenClassLoader() {
        TypeEngine withServices = TypeEngine.createDefault(getClass().getClassLoader());
        assertEquals(FLOAT, withServices.literalTypeOf(Celsius.class));
        assertEquals(new Celsius(21.5), withServices.toJava(withServices.toLiteral(new Celsius(21.5), Celsius.class), Celsius.class));

        TypeEngine without = TypeEngine.builder().build();
        assertThrows(NoTransformerException.class, () -> without.literalTypeOf(Celsius.class));
    }

    @Test
    void registeredOverridesServiceLoaderAndDuplicatesNeedReplace() {
        TypeEngine engine = TypeEngine.createDefault(getClass().getClassLoader());
        TypeTransformer<Celsius> asString = TypeTransformer.via(Celsius.class, String.class, c -> c.degrees() + "C",
                s -> new Celsius(Double.parseDouble(s.substring(0, s.length() - 1))));
        engine.register(asString); // over the ServiceLoader one: allowed, the later source wins
        assertEquals(SimpleType.STRING, engine.literalTypeOf(Celsius.class).getSimple());

        IllegalStateException duplicate = assertThrows(IllegalStateException.class, () -> engine.register(
                TypeTransformer.via(Celsius.class, Double.class, Celsius::degrees, Celsius::new)));
        assertTrue(duplicate.getMessage().startsWith("A TypeTransformer for type [" + Celsius.class.getName()
                + "] is already registered: [via(" + Celsius.class.getName() + " as java.lang.String)]; cannot also register [via("
                + Celsius.class.getName() + " as java.lang.Double)]"), duplicate.getMessage());

        engine.replace(TypeTransformer.via(Celsius.class, Double.class, Celsius::degrees, Celsius::new));
        assertEquals(FLOAT, engine.literalTypeOf(Celsius.class));
    }

    @Test
    void builderRegistrationsWinOverBuiltIns() {
        TypeEngine engine = TypeEngine.builder()
                .register(TypeTransformer.via(Long.class, String.class, String::valueOf, Long::parseLong))
                .build();
        assertEquals(SimpleType.STRING, engine.literalTypeOf(long.class).getSimple());
        assertEquals("42", engine.toLiteral(42L, Long.class).getScalar().getPrimitive().getStringValue());
    }

    @Test
    void customTransformerErrorsAreWrappedWithValueAndPath() {
        TypeEngine engine = TypeEngine.builder().build();
        engine.register(TypeTransformer.via(Point.class, String.class, p -> {
            throw new IllegalArgumentException("points must be positive");
        }, Point::parse));
        TypeTransformerException e = assertThrows(TypeTransformerException.class,
                () -> engine.toLiteral(List.of(new Point(-1, 0)), new TypeRef<List<Point>>() {}.type()));
        assertEquals("$[0]", e.path());
        assertEquals("Cannot convert [Point[x=-1, y=0]] (" + Point.class.getName() + ") to Flyte type [STRING]:"
                + " points must be positive", e.detail());
    }

    @Test
    void aPerVariableOverrideWinsForThatVariableOnly() {
        TypeEngine engine = TypeEngine.builder().build();
        TypeConverter asText = engine.converter(long.class, TypeTransformer.via(Long.class, String.class, String::valueOf, Long::parseLong));
        assertEquals(SimpleType.STRING, asText.literalType().getSimple());
        assertEquals(7L, asText.toJava(asText.toLiteral(7L)));
        assertEquals(SimpleType.INTEGER, engine.literalTypeOf(long.class).getSimple());
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> engine.converter(String.class, TypeTransformer.via(Long.class, String.class, String::valueOf, Long::parseLong)));
        assertEquals("TypeTransformer for [java.lang.Long] cannot convert [java.lang.String]", wrong.getMessage());
    }

    @Test
    void lookupGoesToSuperclassesThenInterfaces() {
        TypeEngine engine = TypeEngine.builder().build();
        engine.register(new Shapes.AnimalTransformer());
        assertEquals(SimpleType.STRING, engine.literalTypeOf(Shapes.Dog.class).getSimple()); // via interface Animal
        engine.register(new Shapes.PetTransformer());
        assertEquals(SimpleType.INTEGER, engine.literalTypeOf(Shapes.Dog.class).getSimple()); // superclass Pet first
        assertEquals(new Shapes.Dog("xxx"), engine.toJava(engine.toLiteral(new Shapes.Dog("rex"), Shapes.Dog.class), Shapes.Dog.class));
        assertEquals(Primitive.ValueCase.INTEGER, engine.toLiteral(new Shapes.Dog("rex"), Shapes.Dog.class)
                .getScalar().getPrimitive().getValueCase());
    }
}
