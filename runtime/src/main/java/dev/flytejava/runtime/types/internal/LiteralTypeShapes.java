package dev.flytejava.runtime.types.internal;

import flyteidl.core.Types.LiteralType;

/**
 * Compares literal types by shape, ignoring metadata, annotations, structure tags, blob formats, dataset formats and
 * columns, and union variant order.
 */
public final class LiteralTypeShapes {

    private LiteralTypeShapes() {}

    public static boolean sameShape(LiteralType a, LiteralType b) {
        if (a.getTypeCase() != b.getTypeCase()) {
            return false;
        }
        return switch (a.getTypeCase()) {
            case SIMPLE -> a.getSimple() == b.getSimple();
            case COLLECTION_TYPE -> sameShape(a.getCollectionType(), b.getCollectionType());
            case MAP_VALUE_TYPE -> sameShape(a.getMapValueType(), b.getMapValueType());
            case BLOB -> a.getBlob().getDimensionality() == b.getBlob().getDimensionality();
            case ENUM_TYPE -> a.getEnumType().equals(b.getEnumType());
            case UNION_TYPE -> a.getUnionType().getVariantsCount() == b.getUnionType().getVariantsCount()
                    && a.getUnionType().getVariantsList().stream().allMatch(variant -> b.getUnionType().getVariantsList()
                            .stream().anyMatch(other -> sameShape(variant, other))); // variant order carries no meaning
            case STRUCTURED_DATASET_TYPE -> true;
            case SCHEMA, TYPE_NOT_SET -> a.equals(b);
        };
    }
}
