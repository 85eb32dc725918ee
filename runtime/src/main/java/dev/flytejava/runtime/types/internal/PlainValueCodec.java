package dev.flytejava.runtime.types.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The msgpack of one value of a type {@link PlainRecordCodec} handles, written as Jackson writes it and read back as
 * Jackson reads it: scalars and their boxes, String, Instant (Python's isoformat text) and Duration (float seconds,
 * see {@link PythonTimes}), enums (by name), {@code Optional<T>} (nil when empty), {@code List<T>} (an ArrayList when
 * read) and plain records, nested freely. {@link #read} returns
 * {@link #STEP_ASIDE} for anything it does not expect; the whole value is then left to Jackson.
 */
interface PlainValueCodec {

    /** What {@link #read} returns when Jackson should read the value instead. */
    Object STEP_ASIDE = new Object();

    /** Writes {@code value}, which may be null only where the type allows it. */
    void write(Object value, MsgpackWriter out);

    /** The next value, or {@link #STEP_ASIDE}. */
    Object read(MsgpackReader in);

    /**
     * The codec for {@code type}, or null when it is not plain. {@code inProgress} holds the records being built, so a
     * record that contains itself is refused instead of recursing.
     */
    static PlainValueCodec of(Type type, Set<Class<?>> inProgress) {
        if (type instanceof Class<?> c) {
            if (c == long.class || c == Long.class) {
                return new Scalar(!c.isPrimitive(), (v, out) -> out.integer((Long) v), MsgpackReader::longValue);
            }
            if (c == int.class || c == Integer.class) {
                return new Scalar(!c.isPrimitive(), (v, out) -> out.integer((Integer) v), MsgpackReader::intValue);
            }
            if (c == double.class || c == Double.class) {
                return new Scalar(!c.isPrimitive(), (v, out) -> out.float64((Double) v), MsgpackReader::doubleValue);
            }
            if (c == boolean.class || c == Boolean.class) {
                return new Scalar(!c.isPrimitive(), (v, out) -> out.bool((Boolean) v), MsgpackReader::booleanValue);
            }
            if (c == String.class) {
                return new Scalar(true, (v, out) -> out.string((String) v), MsgpackReader::stringValue);
            }
            if (c == Instant.class) { // Python's isoformat text; other spellings are left to Jackson
                return new Scalar(true, (v, out) -> out.string(PythonTimes.instant((Instant) v)),
                        in -> canonical(in.stringValue(), PythonTimes::parseInstant, PythonTimes::instant));
            }
            if (c == Duration.class) { // float seconds; an ISO text (as written before) is left to Jackson
                return new Scalar(true, (v, out) -> out.float64(PythonTimes.seconds((Duration) v)), PlainValueCodec::duration);
            }
            if (c.isEnum()) {
                return EnumByName.of(c);
            }
            if (c.isRecord()) {
                return PlainRecordCodec.of(c, inProgress);
            }
            return null;
        }
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
            Type argument = p.getActualTypeArguments()[0];
            if (p.getRawType() == List.class) {
                PlainValueCodec element = nullable(of(argument, inProgress));
                return element == null ? null : new ListOf(element);
            }
            if (p.getRawType() == Optional.class && !(argument instanceof ParameterizedType a && a.getRawType() == Optional.class)) {
                PlainValueCodec value = of(argument, inProgress);
                return value == null ? null : new OptionalOf(value);
            }
        }
        return null;
    }

    /**
     * The value {@code text} spells, if it is spelled exactly as {@code print} writes the value: such text reads the
     * same through Jackson; any other spelling (other offsets, fewer digits) is left to it.
     */
    private static <T> Object canonical(String text, java.util.function.Function<String, T> parse,
            java.util.function.Function<T, String> print) {
        if (text == null) {
            return null;
        }
        try {
            T value = parse.apply(text);
            return print.apply(value).equals(text) ? value : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A number of seconds as Jackson reads it through {@link PythonTimeModule}, or null (step aside). */
    private static Object duration(MsgpackReader in) {
        Double seconds = in.doubleValue();
        if (seconds == null || !Double.isFinite(seconds)) {
            return null;
        }
        try {
            return PythonTimes.duration(seconds);
        } catch (ArithmeticException e) {
            return null;
        }
    }

    /** Whether an annotated element carries any Jackson annotation (which may change what Jackson writes). */
    static boolean jackson(AnnotatedElement element) {
        for (Annotation a : element.getAnnotations()) {
            if (a.annotationType().getName().startsWith("com.fasterxml.jackson.")) {
                return true;
            }
        }
        return false;
    }

    /** The same codec, reading nil as null: list elements are boxes. */
    private static PlainValueCodec nullable(PlainValueCodec codec) {
        return codec instanceof Scalar s ? new Scalar(true, s.writer, s.reader) : codec;
    }

    /** A number, boolean or String; nil only where {@code nullable}. */
    record Scalar(boolean nullable, java.util.function.BiConsumer<Object, MsgpackWriter> writer,
                  java.util.function.Function<MsgpackReader, Object> reader) implements PlainValueCodec {
        @Override
        public void write(Object value, MsgpackWriter out) {
            if (value == null) {
                out.nil();
            } else {
                writer.accept(value, out);
            }
        }

        @Override
        public Object read(MsgpackReader in) {
            if (in.nil()) {
                return nullable ? null : STEP_ASIDE;
            }
            Object value = reader.apply(in);
            return value == null ? STEP_ASIDE : value;
        }
    }

    /** An enum as the name of its constant, for enums without Jackson annotations. */
    record EnumByName(Map<String, Object> constants) implements PlainValueCodec {
        static EnumByName of(Class<?> type) {
            if (jackson(type) || java.util.Arrays.stream(type.getDeclaredFields()).anyMatch(PlainValueCodec::jackson)
                    || java.util.Arrays.stream(type.getDeclaredMethods()).anyMatch(PlainValueCodec::jackson)) {
                return null;
            }
            Map<String, Object> constants = new HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                constants.put(((Enum<?>) constant).name(), constant);
            }
            return new EnumByName(constants);
        }

        @Override
        public void write(Object value, MsgpackWriter out) {
            if (value == null) {
                out.nil();
            } else {
                out.string(((Enum<?>) value).name());
            }
        }

        @Override
        public Object read(MsgpackReader in) {
            if (in.nil()) {
                return null;
            }
            String name = in.stringValue();
            Object constant = name == null ? null : constants.get(name);
            return constant == null ? STEP_ASIDE : constant;
        }
    }

    /** {@code Optional<T>}: nil when empty, else the value. */
    record OptionalOf(PlainValueCodec value) implements PlainValueCodec {
        @Override
        public void write(Object optional, MsgpackWriter out) {
            Optional<?> o = (Optional<?>) optional;
            if (o == null || o.isEmpty()) {
                out.nil();
            } else {
                value.write(o.get(), out);
            }
        }

        @Override
        public Object read(MsgpackReader in) {
            if (in.nil()) {
                return Optional.empty();
            }
            Object v = value.read(in);
            return v == STEP_ASIDE || v == null ? STEP_ASIDE : Optional.of(v);
        }
    }

    /** {@code List<T>}: an array; read into an ArrayList, as Jackson does. */
    record ListOf(PlainValueCodec element) implements PlainValueCodec {
        @Override
        public void write(Object value, MsgpackWriter out) {
            if (value == null) {
                out.nil();
                return;
            }
            List<?> list = (List<?>) value;
            out.arrayHeader(list.size());
            for (Object e : list) {
                element.write(e, out);
            }
        }

        @Override
        public Object read(MsgpackReader in) {
            if (in.nil()) {
                return null;
            }
            int n = in.arrayHeader();
            if (n < 0) {
                return STEP_ASIDE;
            }
            List<Object> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Object e = element.read(in);
                if (e == STEP_ASIDE) {
                    return STEP_ASIDE;
                }
                list.add(e);
            }
            return list;
        }
    }
}
