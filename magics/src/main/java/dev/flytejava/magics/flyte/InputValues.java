package dev.flytejava.magics.flyte;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Java values for inputs given as text ({@code %flyte run --x 3}, launch plan {@code --fixed k=v}) or as
 * workflow literals ({@code addOne(3)} where the input is an {@code int}): numbers, strings, booleans
 * and enums directly, everything else (lists, maps, records, times) as JSON.
 */
final class InputValues {
    private InputValues() {}

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new Jdk8Module()).addModule(new JavaTimeModule())
            .build();

    /** Reads a text for input {@code input} of type {@code type}; errors name the input and the allowed form. */
    static Object parse(String text, Type type, String input, String where) {
        Class<?> raw = raw(type);
        try {
            if (raw == String.class) return text;
            if (raw == long.class || raw == Long.class) return Long.parseLong(text.strip());
            if (raw == int.class || raw == Integer.class) return Integer.parseInt(text.strip());
            if (raw == short.class || raw == Short.class) return Short.parseShort(text.strip());
            if (raw == byte.class || raw == Byte.class) return Byte.parseByte(text.strip());
            if (raw == double.class || raw == Double.class) return Double.parseDouble(text.strip());
            if (raw == float.class || raw == Float.class) return Float.parseFloat(text.strip());
            if (raw == boolean.class || raw == Boolean.class) {
                String t = text.strip().toLowerCase(java.util.Locale.ROOT);
                if (t.equals("true") || t.equals("false")) return Boolean.parseBoolean(t);
                throw new IllegalArgumentException("not a boolean");
            }
            if (raw != null && raw.isEnum()) {
                Object c = enumConstant(raw, text.strip());
                if (c != null) return c;
                throw new IllegalArgumentException("not one of " + List.of(raw.getEnumConstants()));
            }
            JavaType javaType = JSON.getTypeFactory().constructType(type);
            String json = text.strip();
            if (!json.startsWith("[") && !json.startsWith("{") && !json.startsWith("\"")) {
                json = JSON.writeValueAsString(json); // a bare time or duration text
            }
            return JSON.readValue(json, javaType);
        } catch (IllegalArgumentException | JsonProcessingException e) {
            String reason = e instanceof JsonProcessingException j ? " (" + j.getOriginalMessage().lines().findFirst().orElse("") + ")" : "";
            throw new IllegalArgumentException("--" + input + ": expected " + form(type) + ", got [" + text + "] for input ["
                    + input + "] of " + where + reason + quotingHint(text));
        }
    }

    /**
     * Magic arguments are split like a shell splits words, so {@code {"x": 3}} arrives as {@code {x: 3}}; JSON without
     * a double quote but with a key or text in it most likely lost its quotes that way.
     */
    private static String quotingHint(String text) {
        String t = text.strip();
        boolean json = t.startsWith("{") || (t.startsWith("[") && t.chars().anyMatch(Character::isLetter));
        return json && !t.contains("\"")
                ? "; double quotes are removed when the magic line is split into words: put the JSON in single quotes, e.g. '"
                        + "{\"x\": 3, \"name\": \"a\"}'"
                : "";
    }

    /** What a text for this type looks like, for error messages. */
    static String form(Type type) {
        Class<?> raw = raw(type);
        if (raw == long.class || raw == Long.class || raw == int.class || raw == Integer.class || raw == short.class
                || raw == Short.class || raw == byte.class || raw == Byte.class) {
            return "a whole number like 3";
        }
        if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class) return "a number like 2.5";
        if (raw == boolean.class || raw == Boolean.class) return "true or false";
        if (raw == String.class) return "text";
        if (raw != null && raw.isEnum()) return "one of " + List.of(raw.getEnumConstants());
        if (raw != null && List.class.isAssignableFrom(raw)) return "a JSON list like [1, 2] (" + type.getTypeName() + ")";
        if (raw != null && Map.class.isAssignableFrom(raw)) return "a JSON object like {\"k\": 1} (" + type.getTypeName() + ")";
        return "JSON for " + type.getTypeName();
    }

    /**
     * A workflow literal (Long, Double, String, Boolean, List, Map) adapted to the Java type of the input
     * it is bound to: integer literals to {@code int}/{@code short}/{@code double}..., element by element.
     * A value that does not fit is returned unchanged, so the wiring check reports both types.
     */
    static Object coerce(Object value, Type type) {
        Class<?> raw = raw(type);
        if (raw == null || value == null) return value;
        if (value instanceof Long l) {
            if ((raw == int.class || raw == Integer.class) && l == l.intValue()) return l.intValue();
            if ((raw == short.class || raw == Short.class) && l == l.shortValue()) return l.shortValue();
            if ((raw == byte.class || raw == Byte.class) && l == l.byteValue()) return l.byteValue();
            if (raw == double.class || raw == Double.class) return l.doubleValue();
            if (raw == float.class || raw == Float.class) return l.floatValue();
        }
        if (value instanceof Double d && (raw == float.class || raw == Float.class)) return d.floatValue();
        if (value instanceof String s && raw.isEnum()) {
            Object c = enumConstant(raw, s);
            if (c != null) return c;
        }
        if (raw == Optional.class && type instanceof ParameterizedType p) {
            return Optional.of(coerce(value, p.getActualTypeArguments()[0]));
        }
        if (value instanceof List<?> list && List.class.isAssignableFrom(raw) && type instanceof ParameterizedType p) {
            List<Object> out = new ArrayList<>();
            for (Object item : list) out.add(coerce(item, p.getActualTypeArguments()[0]));
            return out;
        }
        if (value instanceof Map<?, ?> map && Map.class.isAssignableFrom(raw) && type instanceof ParameterizedType p) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, coerce(v, p.getActualTypeArguments()[1])));
            return out;
        }
        return value;
    }

    /** The constant of enum {@code type} named {@code name}, or null. */
    private static Object enumConstant(Class<?> type, String name) {
        for (Object c : type.getEnumConstants()) {
            if (((Enum<?>) c).name().equals(name)) return c;
        }
        return null;
    }

    static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) return c;
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) return c;
        return null;
    }
}
