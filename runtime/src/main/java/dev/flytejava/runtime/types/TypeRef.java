package dev.flytejava.runtime.types;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * A super type token, to name a generic type in code: {@code new TypeRef<List<Long>>() {}.type()}.
 *
 * @param <T> the type to capture
 */
public abstract class TypeRef<T> {

    private final Type type;

    protected TypeRef() {
        Type superclass = getClass().getGenericSuperclass();
        if (!(superclass instanceof ParameterizedType parameterized)) {
            throw new IllegalStateException("TypeRef needs a type argument: new TypeRef<List<Long>>() {}");
        }
        this.type = parameterized.getActualTypeArguments()[0];
    }

    public Type type() {
        return type;
    }

    @Override
    public String toString() {
        return type.getTypeName();
    }
}
