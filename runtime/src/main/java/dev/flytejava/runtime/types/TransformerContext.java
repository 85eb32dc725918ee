package dev.flytejava.runtime.types;

import flyteidl.core.Literals.Literal;
import flyteidl.core.Types.LiteralType;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * What a {@link TypeTransformer} may ask of the engine: converters for nested types and the class loader of the
 * user's code. Errors thrown by nested conversions carry their path; containers add their own segment.
 */
public interface TransformerContext {

    /** The converter for {@code javaType}, resolved once; keep it for all elements of a container. */
    TypeConverter converter(Type javaType);

    /** A Java type for {@code literalType}, if any transformer recognises it. */
    Optional<Type> guessJavaType(LiteralType literalType);

    /** The class loader user types come from (the notebook's class loader). */
    ClassLoader classLoader();

    default LiteralType literalTypeOf(Type javaType) {
        return converter(javaType).literalType();
    }

    default Literal toLiteral(Object value, Type javaType) {
        return converter(javaType).toLiteral(value);
    }

    default Object toJava(Literal literal, Type javaType) {
        return converter(javaType).toJava(literal);
    }
}
