package dev.flytejava.runtime.types;

import flyteidl.core.Literals.Literal;
import flyteidl.core.Types.LiteralType;
import java.lang.reflect.Type;

/**
 * A transformer bound to one Java type, with null and instance checks and its literal type cached. Resolve it
 * once (through {@link TransformerContext#converter} or {@link TypeEngine#converter}) and reuse it for many values.
 */
public interface TypeConverter {

    Type javaType();

    LiteralType literalType();

    /**
     * @throws TypeTransformerException if the value is null (and the type is not Optional), is not an instance of
     *     the type, or cannot be converted; its {@link TypeTransformerException#path() path} says where
     */
    Literal toLiteral(Object value);

    /** @throws TypeTransformerException if the literal does not hold a value of this type */
    Object toJava(Literal literal);
}
