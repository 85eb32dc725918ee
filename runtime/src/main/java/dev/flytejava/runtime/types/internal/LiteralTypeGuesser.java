package dev.flytejava.runtime.types.internal;

import dev.flytejava.runtime.types.FlyteDirectory;
import dev.flytejava.runtime.types.FlyteFile;
import dev.flytejava.runtime.types.JavaTypes;
import dev.flytejava.runtime.types.PinnedType;
import dev.flytejava.runtime.types.StructuredDataset;
import dev.flytejava.runtime.types.UnsupportedLiteralTypeException;
import flyteidl.core.Types.BlobType.BlobDimensionality;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/**
 * The built-in Java type for a Flyte type, before pinning: the engine pins the result to the original Flyte type
 * where metadata, annotations, tags or blob formats differ (see {@link PinnedType}).
 */
public final class LiteralTypeGuesser {

    public static final Type UNTYPED_STRUCT = new ParameterizedTypeImpl(Map.class, String.class, Object.class);
    static final String PICKLE_FORMAT = "PythonPickle";

    private LiteralTypeGuesser() {}

    /**
     * @param nested guesses element and variant types (through the engine, so they are pinned as needed)
     * @throws UnsupportedLiteralTypeException for Flyte types with no Java counterpart here
     */
    public static Type guess(LiteralType type, Function<LiteralType, Type> nested) {
        return switch (type.getTypeCase()) {
            case SIMPLE -> simple(type);
            case COLLECTION_TYPE -> JavaTypes.listOf(nested.apply(type.getCollectionType()));
            case MAP_VALUE_TYPE -> JavaTypes.mapOf(nested.apply(type.getMapValueType()));
            case ENUM_TYPE -> new PinnedType(String.class, type);
            case BLOB -> {
                if (PICKLE_FORMAT.equals(type.getBlob().getFormat())) {
                    throw unsupported(type, "Python pickles cannot be written or read from Java; give the Python side a"
                            + " Flyte type (dataclass, str, FlyteFile...)");
                }
                yield type.getBlob().getDimensionality() == BlobDimensionality.MULTIPART ? FlyteDirectory.class : FlyteFile.class;
            }
            case UNION_TYPE -> optional(type, nested);
            case SCHEMA -> throw unsupported(type, "the deprecated FlyteSchema type is not supported from Java");
            case STRUCTURED_DATASET_TYPE -> StructuredDataset.class; // pinned by the engine when it has a format or columns
            case TYPE_NOT_SET -> throw unsupported(type, "the literal type is empty");
        };
    }

    private static Type simple(LiteralType type) {
        SimpleType simple = type.getSimple();
        return switch (simple) {
            case INTEGER -> Long.class;
            case FLOAT -> Double.class;
            case STRING -> String.class;
            case BOOLEAN -> Boolean.class;
            case DATETIME -> Instant.class;
            case DURATION -> Duration.class;
            case BINARY -> byte[].class;
            case STRUCT -> UNTYPED_STRUCT;
            case NONE -> throw unsupported(type, "a NONE type on its own carries no value; use Optional<T> for T | None");
            case ERROR -> throw unsupported(type, "ERROR types only appear in failure branches");
            case UNRECOGNIZED -> throw unsupported(type, "unknown simple type");
        };
    }

    private static Type optional(LiteralType type, Function<LiteralType, Type> nested) {
        var variants = type.getUnionType().getVariantsList();
        if (variants.size() == 2) {
            boolean firstNone = isNone(variants.get(0));
            boolean secondNone = isNone(variants.get(1));
            if (firstNone != secondNone) {
                LiteralType value = firstNone ? variants.get(1) : variants.get(0);
                // the variant's tag belongs to the union; the Optional adds its own (and is pinned if they differ)
                LiteralType untagged = value.toBuilder().setStructure(value.getStructure().toBuilder().clearTag()).build();
                if (untagged.getStructure().equals(flyteidl.core.Types.TypeStructure.getDefaultInstance())) {
                    untagged = untagged.toBuilder().clearStructure().build();
                }
                return JavaTypes.optionalOf(nested.apply(untagged));
            }
        }
        throw unsupported(type, "only unions of one type and NONE (Optional<T>) are supported");
    }

    private static boolean isNone(LiteralType type) {
        return type.getTypeCase() == LiteralType.TypeCase.SIMPLE && type.getSimple() == SimpleType.NONE;
    }

    private static UnsupportedLiteralTypeException unsupported(LiteralType type, String reason) {
        return new UnsupportedLiteralTypeException(type, Describe.literalType(type), reason);
    }
}
