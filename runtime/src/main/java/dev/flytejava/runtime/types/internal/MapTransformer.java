package dev.flytejava.runtime.types.internal;

import dev.flytejava.runtime.types.TransformerContext;
import dev.flytejava.runtime.types.TypeConverter;
import dev.flytejava.runtime.types.TypeTransformer;
import dev.flytejava.runtime.types.TypeTransformerException;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Types.LiteralType;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code Map<String, T>} as a Flyte map; Flyte maps only have String keys. */
@SuppressWarnings("rawtypes")
public final class MapTransformer implements TypeTransformer<Map> {

    static final String EXAMPLE = "Map<String, Double>";

    @Override
    public Class<Map> type() {
        return Map.class;
    }

    @Override
    public String name() {
        return "Typed Dict";
    }

    @Override
    public LiteralType literalType(Type javaType, TransformerContext context) {
        return LiteralType.newBuilder().setMapValueType(context.literalTypeOf(valueType(javaType))).build();
    }

    @Override
    public Literal toLiteral(Map value, Type javaType, TransformerContext context) {
        TypeConverter converter = context.converter(valueType(javaType));
        LiteralMap.Builder map = LiteralMap.newBuilder();
        for (Object o : value.entrySet()) {
            Map.Entry<?, ?> entry = (Map.Entry<?, ?>) o;
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException("Flyte maps need String keys, found key " + Describe.valueAndClass(entry.getKey()));
            }
            try {
                map.putLiterals(key, converter.toLiteral(entry.getValue()));
            } catch (TypeTransformerException e) {
                throw e.prependPath(segment(key));
            }
        }
        return Literal.newBuilder().setMap(map).build();
    }

    @Override
    public Map toJava(Literal literal, Type javaType, TransformerContext context) {
        if (literal.getValueCase() != Literal.ValueCase.MAP) {
            throw new IllegalArgumentException("expected a map literal");
        }
        TypeConverter converter = context.converter(valueType(javaType));
        Map<String, Literal> literals = literal.getMap().getLiteralsMap();
        LinkedHashMap<String, Object> values = new LinkedHashMap<>(literals.size() * 4 / 3 + 1);
        for (Map.Entry<String, Literal> entry : literals.entrySet()) {
            try {
                values.put(entry.getKey(), converter.toJava(entry.getValue()));
            } catch (TypeTransformerException e) {
                throw e.prependPath(segment(entry.getKey()));
            }
        }
        return Collections.unmodifiableMap(values);
    }

    static Type valueType(Type mapType) {
        Type key = JavaTypeNames.typeArgument(mapType, 0, EXAMPLE);
        if (key != String.class) {
            throw new IllegalArgumentException("Flyte maps need String keys: declare Map<String, T>, not [" + mapType.getTypeName() + "]");
        }
        return JavaTypeNames.typeArgument(mapType, 1, EXAMPLE);
    }

    /** {@code .key} for identifiers, {@code ["odd key"]} otherwise. */
    static String segment(String key) {
        boolean identifier = !key.isEmpty() && Character.isJavaIdentifierStart(key.charAt(0))
                && key.chars().allMatch(Character::isJavaIdentifierPart);
        return identifier ? "." + key : "[\"" + key.replace("\"", "\\\"") + "\"]";
    }
}
