package dev.flytejava.runtime.types.internal;

import dev.flytejava.runtime.types.TransformerContext;
import dev.flytejava.runtime.types.TypeTransformer;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Types.LiteralType;
import java.lang.reflect.Type;
import java.util.Objects;
import java.util.function.Function;

/** {@link TypeTransformer#via}: a type carried as another type the engine already knows. */
public final class ViaTransformer<T, S> implements TypeTransformer<T> {

    private final Class<T> type;
    private final Class<S> known;
    private final Function<T, S> to;
    private final Function<S, T> from;

    public ViaTransformer(Class<T> type, Class<S> known, Function<T, S> to, Function<S, T> from) {
        this.type = Objects.requireNonNull(type, "type");
        this.known = Objects.requireNonNull(known, "known");
        this.to = Objects.requireNonNull(to, "to");
        this.from = Objects.requireNonNull(from, "from");
        if (type == known) {
            throw new IllegalArgumentException("TypeTransformer.via needs a different known type than [" + type.getName() + "]");
        }
    }

    @Override
    public Class<T> type() {
        return type;
    }

    @Override
    public LiteralType literalType(Type javaType, TransformerContext context) {
        return context.literalTypeOf(known);
    }

    @Override
    public Literal toLiteral(T value, Type javaType, TransformerContext context) {
        S converted = to.apply(value);
        if (converted == null) {
            throw new IllegalArgumentException("the mapping to [" + known.getName() + "] returned null");
        }
        return context.toLiteral(converted, known);
    }

    @Override
    public T toJava(Literal literal, Type javaType, TransformerContext context) {
        T value = from.apply(known.cast(context.toJava(literal, known)));
        if (value == null) {
            throw new IllegalArgumentException("the mapping from [" + known.getName() + "] returned null");
        }
        return value;
    }

    @Override
    public String toString() {
        return "via(" + type.getName() + " as " + known.getName() + ")";
    }
}
