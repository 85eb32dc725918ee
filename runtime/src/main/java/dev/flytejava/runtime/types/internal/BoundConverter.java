package dev.flytejava.runtime.types.internal;

import dev.flytejava.runtime.types.TransformerContext;
import dev.flytejava.runtime.types.TypeConverter;
import dev.flytejava.runtime.types.TypeTransformer;
import dev.flytejava.runtime.types.TypeTransformerException;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Types.LiteralType;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * One transformer bound to one Java type: checks null and the value's class, caches the literal type, and turns
 * a transformer's plain exceptions into {@link TypeTransformerException}s that name value, type and Flyte type.
 */
public final class BoundConverter implements TypeConverter {

    private final Type javaType;
    private final Class<?> instanceClass;
    private final TypeTransformer<Object> transformer;
    private final TransformerContext context;
    private volatile LiteralType literalType;

    @SuppressWarnings("unchecked")
    public BoundConverter(Type javaType, Class<?> instanceClass, TypeTransformer<?> transformer, TransformerContext context) {
        this.javaType = javaType;
        this.instanceClass = JavaTypeNames.boxed(instanceClass);
        this.transformer = (TypeTransformer<Object>) transformer;
        this.context = context;
    }

    @Override
    public Type javaType() {
        return javaType;
    }

    public TypeTransformer<?> transformer() {
        return transformer;
    }

    @Override
    public LiteralType literalType() {
        LiteralType type = literalType;
        if (type == null) {
            try {
                type = transformer.literalType(javaType, context);
            } catch (TypeTransformerException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new TypeTransformerException("Java type [" + javaType.getTypeName() + "] has no Flyte type: " + e.getMessage(), e);
            }
            literalType = type;
        }
        return type;
    }

    @Override
    public Literal toLiteral(Object value) {
        if (value == null) {
            if (instanceClass != Optional.class) {
                throw Failures.toLiteral(null, literalType(),
                        "null is not allowed for [" + javaType.getTypeName() + "]; declare it Optional<...> to allow absence", null);
            }
            value = Optional.empty();
        }
        if (!instanceClass.isInstance(value)) {
            throw Failures.toLiteral(value, literalType(), "expected a [" + javaType.getTypeName() + "]", null);
        }
        try {
            return transformer.toLiteral(value, javaType, context);
        } catch (TypeTransformerException e) {
            throw e;
        } catch (RuntimeException e) {
            throw Failures.toLiteral(value, literalType(), e.getMessage(), e);
        }
    }

    @Override
    public Object toJava(Literal literal) {
        if (literal == null) {
            throw new TypeTransformerException("Cannot convert a missing (null) literal to Java type [" + javaType.getTypeName() + "]");
        }
        try {
            return transformer.toJava(literal, javaType, context);
        } catch (TypeTransformerException e) {
            throw e;
        } catch (RuntimeException e) {
            throw Failures.toJava(literal, javaType, literalType(), e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return javaType.getTypeName() + " via " + transformer.getClass().getSimpleName();
    }
}
