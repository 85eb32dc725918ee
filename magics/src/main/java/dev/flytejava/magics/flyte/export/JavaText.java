package dev.flytejava.magics.flyte.export;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Java source text for the values an export writes: types (a class declared in a cell becomes a member of the
 * exported notebook class), constants and string literals.
 */
public final class JavaText {
    /** JShell compiles a cell's declarations into members of {@code REPL.$JShell$12} (or {@code $JShell$12B}). */
    private static final Pattern SESSION_WRAPPER = Pattern.compile("^REPL\\.\\$JShell\\$\\d+[A-Z]*\\.");

    private final String notebookClass;

    /** {@code notebookClass}: the simple name of the class that holds the cells' declarations. */
    public JavaText(String notebookClass) {
        this.notebookClass = notebookClass;
    }

    /** An expression of type {@code java.lang.reflect.Type}: {@code long.class}, {@code new TypeRef<List<X>>() {}.type()}. */
    public String typeExpression(Type type) {
        if (type instanceof Class<?> c) return name(c) + ".class";
        return "new dev.flytejava.runtime.types.TypeRef<" + typeName(type) + ">() {}.type()";
    }

    /** How source names a type: {@code java.util.List<Notebook.Coordinate>}. */
    public String typeName(Type type) {
        if (type instanceof Class<?> c) return name(c);
        if (type instanceof ParameterizedType p) {
            List<String> args = new ArrayList<>();
            for (Type a : p.getActualTypeArguments()) args.add(typeName(a));
            return typeName(p.getRawType()) + "<" + String.join(", ", args) + ">";
        }
        if (type instanceof GenericArrayType a) return typeName(a.getGenericComponentType()) + "[]";
        if (type instanceof WildcardType w) {
            if (w.getLowerBounds().length > 0) return "? super " + typeName(w.getLowerBounds()[0]);
            Type upper = w.getUpperBounds()[0];
            return upper == Object.class ? "?" : "? extends " + typeName(upper);
        }
        if (type instanceof TypeVariable<?> v) {
            throw new UnexportableException("the type variable [" + v.getName() + "] has no fixed type to export");
        }
        throw new UnexportableException("the type [" + type + "] cannot be written as Java source");
    }

    /** A class's source name; a class a cell declared is a member of the notebook class. */
    public String name(Class<?> c) {
        if (c.isArray()) return name(c.getComponentType()) + "[]";
        String canonical = c.getCanonicalName();
        if (canonical == null) throw new UnexportableException("the class [" + c.getName() + "] is local or anonymous: it has no name to export");
        if (canonical.startsWith("REPL.")) return notebookClass + "." + SESSION_WRAPPER.matcher(canonical).replaceFirst("");
        return canonical.startsWith("java.lang.") && canonical.indexOf('.', 10) < 0 ? canonical.substring(10) : canonical;
    }

    /** A constant as a Java expression of its own type: {@code 3L}, {@code 0.5}, {@code "a"}, {@code List.of(1L, 2L)}. */
    public String literal(Object value) {
        if (value == null) return "null";
        if (value instanceof String s) return quote(s);
        if (value instanceof Long l) return l + "L";
        if (value instanceof Integer || value instanceof Boolean) return value.toString();
        if (value instanceof Double d) return Double.isFinite(d) ? d.toString() : "Double." + (d.isNaN() ? "NaN" : d > 0 ? "POSITIVE_INFINITY" : "NEGATIVE_INFINITY");
        if (value instanceof Float f) return Float.isFinite(f) ? f + "f" : "Float." + (f.isNaN() ? "NaN" : f > 0 ? "POSITIVE_INFINITY" : "NEGATIVE_INFINITY");
        if (value instanceof Short s) return "(short) " + s;
        if (value instanceof Byte b) return "(byte) " + b;
        if (value instanceof Character ch) return "'" + escape(String.valueOf(ch), '\'') + "'";
        if (value instanceof Enum<?> e) return name(e.getDeclaringClass()) + "." + e.name();
        if (value instanceof List<?> list) {
            List<String> items = new ArrayList<>();
            for (Object item : list) items.add(literal(item));
            return "java.util.List.of(" + String.join(", ", items) + ")";
        }
        if (value instanceof Map<?, ?> map && map.size() <= 10) {
            List<String> entries = new ArrayList<>();
            map.forEach((k, v) -> entries.add(literal(k) + ", " + literal(v)));
            return "java.util.Map.of(" + String.join(", ", entries) + ")";
        }
        throw new UnexportableException("the constant [" + value + "] of type [" + value.getClass().getName()
                + "] cannot be written as Java source yet");
    }

    public static String quote(String s) {
        return '"' + escape(s, '"') + '"';
    }

    private static String escape(String s, char quote) {
        StringBuilder sb = new StringBuilder();
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch == quote) sb.append('\\').append(ch);
                    else if (ch < 0x20) sb.append(String.format("\\u%04x", (int) ch));
                    else sb.append(ch);
                }
            }
        }
        return sb.toString();
    }

    /** A Java identifier for a Flyte name ({@code my-task.v2} becomes {@code my_task_v2}). */
    public static String identifier(String name) {
        StringBuilder sb = new StringBuilder();
        for (char ch : name.toCharArray()) sb.append(Character.isJavaIdentifierPart(ch) ? ch : '_');
        if (sb.isEmpty() || !Character.isJavaIdentifierStart(sb.charAt(0))) sb.insert(0, '_');
        return sb.toString();
    }
}
