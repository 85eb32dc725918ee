package dev.flytejava.runtime.types;

import flyteidl.core.Types.LiteralType;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * A Java type pinned to an exact Flyte literal type: values are converted as {@code valueType}, while
 * {@link TypeEngine#literalTypeOf} answers {@code literalType} unchanged. {@link TypeEngine#guessJavaType} returns
 * these where a Java class cannot carry all of a Flyte type: a dataclass's JSON schema (values are
 * {@code Map<String, Object>}), a blob format other than the default ({@link FlyteFile}/{@link FlyteDirectory}),
 * enum values (values are Strings, checked against the list), or metadata and annotations.
 */
public record PinnedType(Type valueType, LiteralType literalType) implements Type {

    public PinnedType {
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(literalType, "literalType");
    }

    @Override
    public String getTypeName() {
        return valueType.getTypeName() + " pinned to a Flyte type";
    }

    @Override
    public String toString() {
        return getTypeName();
    }
}
