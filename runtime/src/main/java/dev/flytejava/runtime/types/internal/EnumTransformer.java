package dev.flytejava.runtime.types.internal;

import dev.flytejava.runtime.types.TransformerContext;
import dev.flytejava.runtime.types.TypeTransformer;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Types.EnumType;
import flyteidl.core.Types.LiteralType;
import java.lang.reflect.Type;
import java.util.Arrays;

/** Java enums as a Flyte EnumType of the constant names; values travel as STRING primitives, like flytekit. */
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
        EnumType.Builder values = EnumType.newBuilder();
        for (Enum constant : constants(javaType)) {
            values.addValues(constant.name());
        }
        return LiteralType.newBuilder().setEnumType(values).build();
    }

    @Override
    public Literal toLiteral(Enum value, Type javaType, TransformerContext context) {
        return Literals.of(Primitive.newBuilder().setStringValue(value.name()));
    }

    @Override
    public Enum toJava(Literal literal, Type javaType, TransformerContext context) {
        Primitive p = Literals.primitive(literal, "STRING");
        if (p.getValueCase() != Primitive.ValueCase.STRING_VALUE) {
            throw new IllegalArgumentException("expected a STRING primitive holding an enum value");
        }
        Enum constant = BY_NAME.get(enumClass(javaType)).get(p.getStringValue());
        if (constant != null) {
            return constant;
        }
        throw new IllegalArgumentException("[" + p.getStringValue() + "] is not one of " + Arrays.toString(constants(javaType)));
    }

    /** Each enum's constants by name, built once per class: reading a List of enums looks one up per element. */
    private static final ClassValue<java.util.Map<String, Enum>> BY_NAME = new ClassValue<>() {
        @Override
        protected java.util.Map<String, Enum> computeValue(Class<?> type) {
            java.util.Map<String, Enum> byName = new java.util.HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                byName.put(((Enum) constant).name(), (Enum) constant);
            }
            return byName;
        }
    };

    private static Class<?> enumClass(Type javaType) {
        Class<?> raw = JavaTypeNames.rawClass(javaType);
        return raw.isEnum() ? raw : raw.getSuperclass();
    }

    private static Enum[] constants(Type javaType) {
        return ((Class<Enum>) enumClass(javaType)).getEnumConstants();
    }
}
