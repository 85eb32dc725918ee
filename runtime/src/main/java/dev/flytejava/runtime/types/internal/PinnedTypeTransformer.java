package dev.flytejava.runtime.types.internal;

import dev.flytejava.runtime.types.PinnedType;
import dev.flytejava.runtime.types.TransformerContext;
import dev.flytejava.runtime.types.TypeTransformer;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Types.LiteralType;
import java.lang.reflect.Type;

/**
 * Values of a {@link PinnedType}: converted as its value type, with the pinned Flyte type where a literal
 * carries its type (blob metadata, union variant types), and enum values checked against the pinned values.
 */
final class PinnedTypeTransformer implements TypeTransformer<Object> {

    @Override
    public Class<Object> type() {
        return Object.class;
    }

    @Override
    public String name() {
        return "Pinned";
    }

    @Override
    public LiteralType literalType(Type javaType, TransformerContext context) {
        return ((PinnedType) javaType).literalType();
    }

    @Override
    public Literal toLiteral(Object value, Type javaType, TransformerContext context) {
        PinnedType pinned = (PinnedType) javaType;
        LiteralType type = pinned.literalType();
        if (type.hasEnumType() && !type.getEnumType().getValuesList().contains(value)) {
            throw new IllegalArgumentException("expected one of " + type.getEnumType().getValuesList());
        }
        return patch(context.toLiteral(value, pinned.valueType()), type);
    }

    @Override
    public Object toJava(Literal literal, Type javaType, TransformerContext context) {
        PinnedType pinned = (PinnedType) javaType;
        Object value = context.toJava(literal, pinned.valueType());
        LiteralType type = pinned.literalType();
        if (type.hasEnumType() && !type.getEnumType().getValuesList().contains(value)) {
            throw new IllegalArgumentException("[" + value + "] is not one of " + type.getEnumType().getValuesList());
        }
        return value;
    }

    /** Literals that carry a type get the pinned one: a blob's format, a dataset's format and columns, a union value's variant. */
    private static Literal patch(Literal literal, LiteralType type) {
        if (literal.getValueCase() != Literal.ValueCase.SCALAR) {
            return literal;
        }
        Scalar scalar = literal.getScalar();
        if (scalar.hasStructuredDataset() && type.hasStructuredDatasetType()) {
            String format = scalar.getStructuredDataset().getMetadata().getStructuredDatasetType().getFormat();
            String declared = type.getStructuredDatasetType().getFormat();
            if (!format.isEmpty() && !declared.isEmpty() && !format.equalsIgnoreCase(declared)) {
                throw new IllegalArgumentException("a dataset of format [" + format + "] where [" + declared + "] is declared");
            }
            var metadataType = type.getStructuredDatasetType().toBuilder().setFormat(declared.isEmpty() ? format : declared);
            return literal.toBuilder().setScalar(scalar.toBuilder().setStructuredDataset(scalar.getStructuredDataset().toBuilder()
                    .setMetadata(scalar.getStructuredDataset().getMetadata().toBuilder().setStructuredDatasetType(metadataType)))).build();
        }
        if (scalar.hasBlob() && type.hasBlob()) {
            return literal.toBuilder().setScalar(scalar.toBuilder().setBlob(scalar.getBlob().toBuilder()
                    .setMetadata(scalar.getBlob().getMetadata().toBuilder().setType(type.getBlob())))).build();
        }
        if (scalar.hasUnion() && type.hasUnionType()) {
            LiteralType stored = scalar.getUnion().getType();
            for (LiteralType variant : type.getUnionType().getVariantsList()) {
                if (LiteralTypeShapes.sameShape(variant, stored)) {
                    return literal.toBuilder().setScalar(scalar.toBuilder().setUnion(scalar.getUnion().toBuilder()
                            .setType(variant))).build();
                }
            }
        }
        return literal;
    }
}
