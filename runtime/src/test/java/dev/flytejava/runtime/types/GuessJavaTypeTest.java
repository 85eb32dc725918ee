package dev.flytejava.runtime.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.flytejava.runtime.types.Samples.Color;
import dev.flytejava.runtime.types.Samples.Coordinate;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Types.BlobType;
import flyteidl.core.Types.BlobType.BlobDimensionality;
import flyteidl.core.Types.EnumType;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import flyteidl.core.Types.StructuredDatasetType;
import flyteidl.core.Types.UnionType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Java types guessed from Flyte types reproduce them exactly, and carry values of that Flyte type. */
class GuessJavaTypeTest {

    private final TypeEngine engine = TypeEngine.builder().build();

    private static LiteralType simple(SimpleType simple) {
        return LiteralType.newBuilder().setSimple(simple).build();
    }

    @Test
    void simpleTypesGuessTheirCanonicalClass() {
        assertEquals(Long.class, engine.guessJavaType(simple(SimpleType.INTEGER)));
        assertEquals(Double.class, engine.guessJavaType(simple(SimpleType.FLOAT)));
        assertEquals(String.class, engine.guessJavaType(simple(SimpleType.STRING)));
        assertEquals(Boolean.class, engine.guessJavaType(simple(SimpleType.BOOLEAN)));
        assertEquals(Instant.class, engine.guessJavaType(simple(SimpleType.DATETIME)));
        assertEquals(Duration.class, engine.guessJavaType(simple(SimpleType.DURATION)));
        assertEquals(byte[].class, engine.guessJavaType(simple(SimpleType.BINARY)));
    }

    @Test
    void everyLiteralTypeOfABuiltInGuessesBackToTheSameLiteralType() {
        for (Type type : List.of(long.class, String.class, Color.class, Coordinate.class, FlyteFile.class, FlyteDirectory.class,
                new TypeRef<List<Map<String, List<Coordinate>>>>() {}.type(), new TypeRef<Optional<Long>>() {}.type(),
                new TypeRef<Map<String, Optional<Color>>>() {}.type(), new TypeRef<Map<String, Object>>() {}.type())) {
            LiteralType literalType = engine.literalTypeOf(type);
            assertEquals(literalType, engine.literalTypeOf(engine.guessJavaType(literalType)), type.getTypeName());
        }
        assertEquals(new TypeRef<Optional<Long>>() {}.type(), engine.guessJavaType(engine.literalTypeOf(new TypeRef<Optional<Long>>() {}.type())));
    }

    @Test
    void guessedEnumCarriesCheckedStrings() {
        LiteralType colors = LiteralType.newBuilder().setEnumType(EnumType.newBuilder().addValues("red").addValues("green")).build();
        Type guess = engine.guessJavaType(colors);
        assertEquals(new PinnedType(String.class, colors), guess);
        assertEquals("green", engine.toJava(engine.toLiteral("green", guess), guess));
        TypeTransformerException e = assertThrows(TypeTransformerException.class, () -> engine.toLiteral("blue", guess));
        assertEquals("Cannot convert [\"blue\"] (java.lang.String) to Flyte type [ENUM[red, green]]: expected one of [red, green]",
                e.getMessage());
    }

    @Test
    void guessedDataclassCarriesMapsAndReadsRecordsWritten() {
        LiteralType coordinate = engine.literalTypeOf(Coordinate.class);
        LiteralType foreign = coordinate.toBuilder().clearStructure().clearAnnotation().build(); // as an older pyflyte wrote it
        Type guess = engine.guessJavaType(foreign);
        assertInstanceOf(PinnedType.class, guess);
        assertEquals(foreign, engine.literalTypeOf(guess));

        Literal written = engine.toLiteral(new Coordinate(1, 2, Map.of("w", 3.0)), Coordinate.class);
        assertEquals(Map.of("x", 1.0, "y", 2.0, "metadata", Map.of("w", 3.0)), engine.toJava(written, guess));
        Literal fromMap = engine.toLiteral(Map.of("x", 5.0, "y", 6.0, "metadata", Map.of()), guess);
        assertEquals(new Coordinate(5, 6, Map.of()), engine.toJava(fromMap, Coordinate.class));
    }

    @Test
    void guessedBlobKeepsItsFormatInLiterals() {
        LiteralType csvFiles = LiteralType.newBuilder().setCollectionType(LiteralType.newBuilder()
                .setBlob(BlobType.newBuilder().setFormat("csv").setDimensionality(BlobDimensionality.SINGLE))).build();
        Type guess = engine.guessJavaType(csvFiles);
        assertEquals(csvFiles, engine.literalTypeOf(guess));
        Literal literal = engine.toLiteral(List.of(new FlyteFile("s3://b/a.csv")), guess);
        assertEquals("csv", literal.getCollection().getLiterals(0).getScalar().getBlob().getMetadata().getType().getFormat());
        assertEquals(List.of(new FlyteFile("s3://b/a.csv")), engine.toJava(literal, guess));
    }

    @Test
    void guessedOptionalWithForeignTagsWritesThoseTags() {
        LiteralType foreign = LiteralType.newBuilder().setUnionType(UnionType.newBuilder()
                .addVariants(simple(SimpleType.NONE))
                .addVariants(simple(SimpleType.INTEGER).toBuilder().setStructure(
                        flyteidl.core.Types.TypeStructure.newBuilder().setTag("Int64")))).build();
        Type guess = engine.guessJavaType(foreign);
        assertEquals(foreign, engine.literalTypeOf(guess));
        Literal literal = engine.toLiteral(Optional.of(4L), guess);
        assertEquals("Int64", literal.getScalar().getUnion().getType().getStructure().getTag());
        assertEquals(Optional.of(4L), engine.toJava(literal, guess));
    }

    @Test
    void datasetsAreStructuredDatasetHandlesPinnedToTheirFormatAndColumns() {
        LiteralType any = LiteralType.newBuilder().setStructuredDatasetType(StructuredDatasetType.getDefaultInstance()).build();
        assertEquals(StructuredDataset.class, engine.guessJavaType(any));
        LiteralType frame = LiteralType.newBuilder().setStructuredDatasetType(StructuredDatasetType.newBuilder().setFormat("parquet")
                .addColumns(StructuredDatasetType.DatasetColumn.newBuilder().setName("age").setLiteralType(simple(SimpleType.INTEGER)))).build();
        Type guess = engine.guessJavaType(frame);
        assertEquals(new PinnedType(StructuredDataset.class, frame), guess);
        assertEquals("STRUCTURED_DATASET(parquet; age: INTEGER)", dev.flytejava.runtime.model.FlyteTypes.describe(frame));

        // the literal carries the declared format and columns; a dataset of another format does not fit
        TypeConverter pinned = engine.converter(guess);
        Literal literal = pinned.toLiteral(new StructuredDataset("s3://bucket/df/", ""));
        assertEquals(frame.getStructuredDatasetType(), literal.getScalar().getStructuredDataset().getMetadata().getStructuredDatasetType());
        assertEquals(new StructuredDataset("s3://bucket/df/", "parquet"), pinned.toJava(literal));
        TypeTransformerException csv = assertThrows(TypeTransformerException.class,
                () -> pinned.toLiteral(new StructuredDataset("/tmp/df.csv", "csv")));
        assertTrue(csv.getMessage().contains("a dataset of format [csv] where [parquet] is declared"), csv.getMessage());
    }

    @Test
    void unsupportedTypesSaySo() {
        LiteralType schema = LiteralType.newBuilder().setSchema(flyteidl.core.Types.SchemaType.getDefaultInstance()).build();
        assertEquals("Unsupported Flyte type [SCHEMA]: the deprecated FlyteSchema type is not supported from Java",
                assertThrows(UnsupportedLiteralTypeException.class, () -> engine.guessJavaType(schema)).getMessage());
        LiteralType either = LiteralType.newBuilder().setUnionType(UnionType.newBuilder()
                .addVariants(simple(SimpleType.INTEGER)).addVariants(simple(SimpleType.STRING))).build();
        UnsupportedLiteralTypeException union = assertThrows(UnsupportedLiteralTypeException.class, () -> engine.guessJavaType(either));
        assertTrue(union.getMessage().endsWith("only unions of one type and NONE (Optional<T>) are supported"), union.getMessage());
        LiteralType schemaStruct = simple(SimpleType.STRUCT).toBuilder().setMetadata(Struct.newBuilder()
                .putFields("title", Value.newBuilder().setStringValue("Datum").build())).build();
        assertEquals(schemaStruct, engine.literalTypeOf(engine.guessJavaType(schemaStruct)));
    }

    @Test
    void registeredTransformersAreAskedFirst() {
        TypeTransformer<StringBuilder> builders = new TypeTransformer<>() {
            @Override
            public Class<StringBuilder> type() {
                return StringBuilder.class;
            }

            @Override
            public LiteralType literalType(Type javaType, TransformerContext context) {
                return simple(SimpleType.STRING);
            }

            @Override
            public Literal toLiteral(StringBuilder value, Type javaType, TransformerContext context) {
                return context.toLiteral(value.toString(), String.class);
            }

            @Override
            public StringBuilder toJava(Literal literal, Type javaType, TransformerContext context) {
                return new StringBuilder((String) context.toJava(literal, String.class));
            }

            @Override
            public Optional<Type> guessJavaType(LiteralType literalType, TransformerContext context) {
                return literalType.equals(simple(SimpleType.STRING)) ? Optional.of(StringBuilder.class) : Optional.empty();
            }
        };
        engine.register(builders);
        assertEquals(StringBuilder.class, engine.guessJavaType(simple(SimpleType.STRING)));
        assertEquals(Long.class, engine.guessJavaType(simple(SimpleType.INTEGER)));
    }
}
