package dev.flytejava.runtime.types.internal;

import dev.flytejava.runtime.types.PinnedType;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.Map;

/** Raw classes, type arguments and boxing of reflected types. */
public final class JavaTypeNames {

    private static final Map<Class<?>, Class<?>> BOXES = Map.of(
            boolean.class, Boolean.class, byte.class, Byte.class, short.class, Short.class, char.class, Character.class,
            int.class, Integer.class, long.class, Long.class, float.class, Float.class, double.class, Double.class,
            void.class, Void.class);

    private JavaTypeNames() {}

    public static Class<?> boxed(Class<?> type) {
        return type.isPrimitive() ? BOXES.get(type) : type;
    }

    /** The class behind a type; null for type variables and other types that have none. */
    public static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (type instanceof GenericArrayType g) {
            Class<?> component = rawClass(g.getGenericComponentType());
            return component == null ? null : component.arrayType();
        }
        if (type instanceof WildcardType w && w.getUpperBounds().length == 1) {
            return rawClass(w.getUpperBounds()[0]);
        }
        if (type instanceof PinnedType p) {
            return rawClass(p.valueType());
        }
        return null;
    }

    /**
     * The i-th type argument of a parameterized type, with {@code ? extends X} read as X.
     *
     * @throws IllegalArgumentException naming the type when it is raw or the argument is unresolved
     */
    public static Type typeArgument(Type type, int index, String example) {
        if (!(type instanceof ParameterizedType p)) {
            throw new IllegalArgumentException("[" + type.getTypeName() + "] needs its type arguments, e.g. " + example);
        }
        Type argument = p.getActualTypeArguments()[index];
        if (argument instanceof WildcardType w) {
            if (w.getLowerBounds().length > 0 || w.getUpperBounds().length != 1 || w.getUpperBounds()[0] == Object.class) {
                throw new IllegalArgumentException("[" + type.getTypeName() + "] has an open wildcard; name the type, e.g. " + example);
            }
            argument = w.getUpperBounds()[0];
        }
        if (argument instanceof TypeVariable<?> v) {
            throw new IllegalArgumentException("[" + type.getTypeName() + "] has an unresolved type variable [" + v.getName()
                    + "]; name the type, e.g. " + example);
        }
        return argument;
    }
}
