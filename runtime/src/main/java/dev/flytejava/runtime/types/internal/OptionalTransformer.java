package dev.flytejava.runtime.types.internal;

import dev.flytejava.runtime.types.TransformerContext;
import dev.flytejava.runtime.types.TypeConverter;
import dev.flytejava.runtime.types.TypeTransformer;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Literals.Union;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import flyteidl.core.Types.UnionType;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * {@code Optional<T>} as flytekit writes {@code Optional[T]}: a union of T and NONE, each variant tagged with its
 * transformer's name; values are union scalars holding the value and its variant type. Reading also accepts a
 * bare value or a bare NONE, as older writers send.
 */
@SuppressWarnings("rawtypes")
public final class OptionalTransformer implements TypeTransformer<Optional> {

    static final LiteralType NONE_VARIANT = Literals.tagged(Literals.simple(SimpleType.NONE), "none");
    private static final Literal EMPTY = Literal.newBuilder().setScalar(Scalar.newBuilder()
            .setUnion(Union.newBuilder().setValue(Literals.NONE).setType(NONE_VARIANT))).build();

    @Override
    public Class<Optional> type() {
        return Optional.class;
    }

    @Override
    public String name() {
        return "Typed Union";
    }

    @Override
    public LiteralType literalType(Type javaType, TransformerContext context) {
        return LiteralType.newBuilder()
                .setUnionType(UnionType.newBuilder().addVariants(valueVariant(javaType, context)).addVariants(NONE_VARIANT))
                .build();
    }

    private static LiteralType valueVariant(Type javaType, TransformerContext context) {
        TypeConverter value = context.converter(valueType(javaType));
        LiteralType type = value.literalType();
        if (!type.getStructure().getTag().isEmpty()) {
            return type; // already tagged, as a pinned variant guessed from a union
        }
        return Literals.tagged(type, value instanceof BoundConverter bound ? bound.transformer().name() : "");
    }

    @Override
    public Literal toLiteral(Optional value, Type javaType, TransformerContext context) {
        if (value.isEmpty()) {
            return EMPTY;
        }
        Literal inner = context.toLiteral(value.get(), valueType(javaType));
        return Literal.newBuilder().setScalar(Scalar.newBuilder()
                .setUnion(Union.newBuilder().setValue(inner).setType(valueVariant(javaType, context)))).build();
    }

    @Override
    public Optional toJava(Literal literal, Type javaType, TransformerContext context) {
        Literal inner = literal.getValueCase() == Literal.ValueCase.SCALAR && literal.getScalar().hasUnion()
                ? literal.getScalar().getUnion().getValue() : literal;
        if (Literals.isNone(inner)) {
            return Optional.empty();
        }
        return Optional.of(context.toJava(inner, valueType(javaType)));
    }

    static Type valueType(Type optionalType) {
        return JavaTypeNames.typeArgument(optionalType, 0, "Optional<Long>");
    }
}
