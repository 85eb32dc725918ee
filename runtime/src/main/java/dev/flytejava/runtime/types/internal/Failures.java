package dev.flytejava.runtime.types.internal;

import dev.flytejava.runtime.types.TypeTransformerException;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Types.LiteralType;
import java.lang.reflect.Type;

/** The two standard conversion errors, worded the same everywhere. */
public final class Failures {

    private Failures() {}

    /** "Cannot convert ["abc"] (java.lang.String) to Flyte type [INTEGER]: reason" */
    public static TypeTransformerException toLiteral(Object value, LiteralType expected, String reason, Throwable cause) {
        return new TypeTransformerException("Cannot convert " + Describe.valueAndClass(value) + " to Flyte type ["
                + Describe.literalType(expected) + "]" + (reason == null ? "" : ": " + reason), cause);
    }

    /** "Cannot convert literal [STRING "abc"] to Java type [java.lang.Long] (Flyte type [INTEGER]): reason" */
    public static TypeTransformerException toJava(Literal literal, Type javaType, LiteralType expected, String reason,
            Throwable cause) {
        return new TypeTransformerException("Cannot convert literal [" + Describe.literal(literal) + "] to Java type ["
                + javaType.getTypeName() + "] (Flyte type [" + Describe.literalType(expected) + "])"
                + (reason == null ? "" : ": " + reason), cause);
    }
}
