package dev.flytejava.runtime.types;

import dev.flytejava.runtime.types.internal.ParameterizedTypeImpl;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Factories for the generic types the engine handles, when a {@link TypeRef} cannot be written (built at run time). */
public final class JavaTypes {

    private JavaTypes() {}

    /** {@code List<element>} */
    public static ParameterizedType listOf(Type element) {
        return new ParameterizedTypeImpl(List.class, element);
    }

    /** {@code Map<String, value>} */
    public static ParameterizedType mapOf(Type value) {
        return new ParameterizedTypeImpl(Map.class, String.class, value);
    }

    /** {@code Optional<value>} */
    public static ParameterizedType optionalOf(Type value) {
        return new ParameterizedTypeImpl(Optional.class, value);
    }
}
