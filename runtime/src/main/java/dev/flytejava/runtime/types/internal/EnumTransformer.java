package dev.flytejava.runtime.types.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.flytejava.runtime.types.TransformerContext;
import dev.flytejava.runtime.types.TypeTransformer;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Types.EnumType;
import flyteidl.core.Types.LiteralType;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Java enums as a Flyte EnumType; values travel as STRING primitives, like flytekit. A constant's Flyte value is its
 * name, or its {@code @JsonProperty} value: flytekit uses a Python enum's values ({@code RED = "red"}), so
 * {@code @JsonProperty("red") RED} mirrors it, here as inside records, where Jackson reads the same annotation.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class EnumTransformer implements TypeTransformer<Enum> {

    @Override
    public Class<Enum> type() {
        return Enum.class;
    }

    @Override
    public String name() {
        return "DefaultEnumTransformer";
    }

    @Override
    public LiteralType literalType(Type javaType, TransformerContext context) {
        return LiteralType.newBuilder().setEnumType(EnumType.newBuilder()
                .addAllValues(VALUES.get(enumClass(javaType)).byValue().keySet())).build();
    }

    @Override
    public Literal toLiteral(Enum value, Type javaType, TransformerContext context) {
        return Literals.of(Primitive.newBuilder().setStringValue(VALUES.get(value.getDeclaringClass()).byConstant().get(value)));
    }

    @Override
    public Enum toJava(Literal literal, Type javaType, TransformerContext context) {
        Primitive p = Literals.primitive(literal, "STRING");
        if (p.getValueCase() != Primitive.ValueCase.STRING_VALUE) {
            throw new IllegalArgumentException("expected a STRING primitive holding an enum value");
        }
        Map<String, Enum> byValue = VALUES.get(enumClass(javaType)).byValue();
        Enum constant = byValue.get(p.getStringValue());
        if (constant != null) {
            return constant;
        }
        throw new IllegalArgumentException("[" + p.getStringValue() + "] is not one of " + byValue.keySet());
    }

    /** The Flyte values of an enum's constants, in declaration order. */
    public static List<String> values(Class<?> enumType) {
        return List.copyOf(VALUES.get(enumType).byValue().keySet());
    }

    /** Each constant's Flyte value, both ways, built once per class: reading a List of enums looks one up per element. */
    private record Values(Map<String, Enum> byValue, Map<Enum, String> byConstant) {}

    private static final ClassValue<Values> VALUES = new ClassValue<>() {
        @Override
        protected Values computeValue(Class<?> type) {
            Map<String, Enum> byValue = new LinkedHashMap<>();
            Map<Enum, String> byConstant = new HashMap<>();
            for (Object o : type.getEnumConstants()) {
                Enum constant = (Enum) o;
                String value = flyteValue(type, constant);
                if (byValue.putIfAbsent(value, constant) != null) {
                    throw new IllegalArgumentException("Enum [" + type.getName() + "] has two constants with the Flyte value ["
                            + value + "]: [" + byValue.get(value).name() + "] and [" + constant.name() + "]");
                }
                byConstant.put(constant, value);
            }
            return new Values(Collections.unmodifiableMap(byValue), Collections.unmodifiableMap(byConstant));
        }
    };

    private static String flyteValue(Class<?> type, Enum constant) {
        try {
            JsonProperty property = type.getField(constant.name()).getAnnotation(JsonProperty.class);
            return property == null || property.value().isEmpty() ? constant.name() : property.value();
        } catch (NoSuchFieldException e) {
            return constant.name(); // not reachable: every constant is a public field of its enum
        }
    }

    private static Class<?> enumClass(Type javaType) {
        Class<?> raw = JavaTypeNames.rawClass(javaType);
        return raw.isEnum() ? raw : raw.getSuperclass();
    }
}
