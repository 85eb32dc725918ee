package dev.flytejava.runtime.types.internal;

import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Types.BlobType;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import java.util.stream.Collectors;

/** Short, readable renderings of values, literals and literal types for error messages. */
public final class Describe {

    private static final int MAX = 80;

    private Describe() {}

    /** A Java value: strings quoted, long renderings cut. */
    public static String value(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value instanceof CharSequence s ? "\"" + s + "\"" : value instanceof byte[] b ? b.length + " bytes" : String.valueOf(value);
        return text.length() > MAX ? text.substring(0, MAX) + "..." : text;
    }

    /** A value followed by its Java class, as in {@code ["abc"] (java.lang.String)}. */
    public static String valueAndClass(Object value) {
        return "[" + value(value) + "]" + (value == null ? "" : " (" + value.getClass().getName() + ")");
    }

    public static String literalType(LiteralType type) {
        return switch (type.getTypeCase()) {
            case SIMPLE -> type.getSimple().name() + structName(type);
            case COLLECTION_TYPE -> "LIST<" + literalType(type.getCollectionType()) + ">";
            case MAP_VALUE_TYPE -> "MAP<STRING, " + literalType(type.getMapValueType()) + ">";
            case UNION_TYPE -> type.getUnionType().getVariantsList().stream().map(Describe::literalType)
                    .collect(Collectors.joining(" | ", "UNION<", ">"));
            case ENUM_TYPE -> "ENUM" + type.getEnumType().getValuesList();
            case BLOB -> blob(type.getBlob());
            case SCHEMA -> "SCHEMA";
            case STRUCTURED_DATASET_TYPE -> dataset(type.getStructuredDatasetType());
            case TYPE_NOT_SET -> "NOT_SET";
        };
    }

    /** "(Coordinate)" for a STRUCT whose JSON schema has a title, or whose structure has a tag; else nothing. */
    private static String structName(LiteralType type) {
        if (type.hasMetadata() && type.getMetadata().containsFields("title")) {
            return "(" + type.getMetadata().getFieldsOrThrow("title").getStringValue() + ")";
        }
        return type.getSimple() == SimpleType.STRUCT && !type.getStructure().getTag().isEmpty() ? "(" + type.getStructure().getTag() + ")" : "";
    }

    /** "STRUCTURED_DATASET", "STRUCTURED_DATASET(parquet; Name: STRING, Age: INTEGER)". */
    private static String dataset(flyteidl.core.Types.StructuredDatasetType dataset) {
        String columns = dataset.getColumnsList().stream().map(c -> c.getName() + ": " + literalType(c.getLiteralType()))
                .collect(Collectors.joining(", "));
        String inside = dataset.getFormat() + (columns.isEmpty() ? "" : (dataset.getFormat().isEmpty() ? "" : "; ") + columns);
        return "STRUCTURED_DATASET" + (inside.isEmpty() ? "" : "(" + inside + ")");
    }

    private static String blob(BlobType blob) {
        String kind = blob.getDimensionality() == BlobType.BlobDimensionality.MULTIPART ? "DIRECTORY" : "FILE";
        return "BLOB " + kind + (blob.getFormat().isEmpty() ? "" : "(" + blob.getFormat() + ")");
    }

    /** What a literal holds, as in {@code STRING "abc"} or {@code LIST of 3}. */
    public static String literal(Literal literal) {
        return switch (literal.getValueCase()) {
            case SCALAR -> scalar(literal.getScalar());
            case COLLECTION -> "LIST of " + literal.getCollection().getLiteralsCount();
            case MAP -> "MAP of " + literal.getMap().getLiteralsCount();
            case OFFLOADED_METADATA -> "OFFLOADED " + literal.getOffloadedMetadata().getUri();
            case VALUE_NOT_SET -> "empty literal";
        };
    }

    private static String scalar(Scalar scalar) {
        return switch (scalar.getValueCase()) {
            case PRIMITIVE -> primitive(scalar.getPrimitive());
            case BLOB -> "BLOB " + scalar.getBlob().getUri();
            case BINARY -> "BINARY (tag [" + scalar.getBinary().getTag() + "], " + scalar.getBinary().getValue().size() + " bytes)";
            case SCHEMA -> "SCHEMA " + scalar.getSchema().getUri();
            case NONE_TYPE -> "NONE";
            case ERROR -> "ERROR " + value(scalar.getError().getMessage());
            case GENERIC -> "STRUCT (generic) " + value(scalar.getGeneric().getFieldsMap().keySet());
            case STRUCTURED_DATASET -> "STRUCTURED_DATASET " + scalar.getStructuredDataset().getUri();
            case UNION -> "UNION of " + literal(scalar.getUnion().getValue());
            case VALUE_NOT_SET -> "empty scalar";
        };
    }

    private static String primitive(Primitive primitive) {
        return switch (primitive.getValueCase()) {
            case INTEGER -> "INTEGER " + primitive.getInteger();
            case FLOAT_VALUE -> "FLOAT " + primitive.getFloatValue();
            case STRING_VALUE -> "STRING " + value(primitive.getStringValue());
            case BOOLEAN -> "BOOLEAN " + primitive.getBoolean();
            case DATETIME -> "DATETIME " + primitive.getDatetime().getSeconds() + "s";
            case DURATION -> "DURATION " + primitive.getDuration().getSeconds() + "s";
            case VALUE_NOT_SET -> "empty primitive";
        };
    }
}
