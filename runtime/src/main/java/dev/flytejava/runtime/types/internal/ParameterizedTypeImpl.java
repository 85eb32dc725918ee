package dev.flytejava.runtime.types.internal;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/** A top-level parameterized type, equal to (and hashing like) the JDK's own for the same raw type and arguments. */
public final class ParameterizedTypeImpl implements ParameterizedType {

    private final Class<?> raw;
    private final Type[] arguments;

    public ParameterizedTypeImpl(Class<?> raw, Type... arguments) {
        if (raw.getTypeParameters().length != arguments.length) {
            throw new IllegalArgumentException("[" + raw.getName() + "] takes " + raw.getTypeParameters().length
                    + " type arguments, given " + arguments.length);
        }
        this.raw = raw;
        this.arguments = arguments.clone();
    }

    @Override
    public Type[] getActualTypeArguments() {
        return arguments.clone();
    }

    @Override
    public Type getRawType() {
        return raw;
    }

    @Override
    public Type getOwnerType() {
        return raw.getDeclaringClass();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterizedType other
                && raw.equals(other.getRawType())
                && Objects.equals(getOwnerType(), other.getOwnerType())
                && Arrays.equals(arguments, other.getActualTypeArguments());
    }

    @Override
    public int hashCode() {
        // the JDK's formula, so both implementations can be mixed as map keys
        return Arrays.hashCode(arguments) ^ Objects.hashCode(getOwnerType()) ^ raw.hashCode();
    }

    @Override
    public String toString() {
        return raw.getName() + Arrays.stream(arguments).map(Type::getTypeName).collect(Collectors.joining(", ", "<", ">"));
    }
}
