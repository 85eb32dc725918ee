package dev.flytejava.runtime.types.internal;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * msgpack for plain records without going through Jackson: records whose components are all {@code long},
 * {@code int}, {@code double}, {@code boolean} (or their boxes) or {@code String}, with no Jackson annotation and no
 * getter Jackson would add as a property. Those are most rows a data task passes around, and Jackson's msgpack
 * binding spends most of its time on per-value machinery (a generator per value, a new String for every key read).
 *
 * <p>Writing gives byte for byte what Jackson writes (a map of the components in declaration order, each number in
 * its smallest msgpack form, doubles as float64). Reading accepts the keys in any order but steps aside, returning
 * {@code null}, on anything Jackson could read differently or reject (a missing, extra or repeated key, a nil for a
 * primitive, an out-of-range or non-numeric value, malformed UTF-8, a constructor that throws): the caller then
 * reads through Jackson, which gives its usual value or error.
 */
final class PlainRecordCodec {

    private enum Kind { LONG, INT, DOUBLE, BOOLEAN, STRING }

    /** One component: its name in UTF-8, its msgpack key (header and name), kind, whether it may be null, accessor. */
    private record Component(byte[] name, byte[] key, Kind kind, boolean boxed, MethodHandle getter) {}

    private static final Map<Class<?>, Kind> KINDS = Map.of(
            long.class, Kind.LONG, Long.class, Kind.LONG, int.class, Kind.INT, Integer.class, Kind.INT,
            double.class, Kind.DOUBLE, Double.class, Kind.DOUBLE, boolean.class, Kind.BOOLEAN, Boolean.class, Kind.BOOLEAN,
            String.class, Kind.STRING);

    private final Component[] components;
    private final MethodHandle constructor; // (Object[]) -> Object

    private PlainRecordCodec(Component[] components, MethodHandle constructor) {
        this.components = components;
        this.constructor = constructor;
    }

    /** The codec for {@code type}, or null when it is not a plain record (Jackson then handles it). */
    static PlainRecordCodec of(Class<?> type) {
        if (!type.isRecord() || hasJacksonAnnotation(type) || type.getRecordComponents().length > 15) {
            return null; // up to 15 components: one fixmap header, as Jackson writes for them
        }
        try {
            RecordComponent[] recordComponents = type.getRecordComponents();
            Component[] components = new Component[recordComponents.length];
            Class<?>[] parameterTypes = new Class<?>[recordComponents.length];
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            for (int i = 0; i < recordComponents.length; i++) {
                RecordComponent rc = recordComponents[i];
                Kind kind = KINDS.get(rc.getType());
                if (kind == null) {
                    return null;
                }
                Method accessor = rc.getAccessor();
                accessor.setAccessible(true);
                MethodHandle getter = lookup.unreflect(accessor).asType(MethodType.methodType(Object.class, Object.class));
                components[i] = new Component(rc.getName().getBytes(StandardCharsets.UTF_8), key(rc.getName()), kind,
                        !rc.getType().isPrimitive(), getter);
                parameterTypes[i] = rc.getType();
            }
            if (hasExtraGetter(type, recordComponents)) {
                return null;
            }
            Constructor<?> canonical = type.getDeclaredConstructor(parameterTypes);
            canonical.setAccessible(true);
            MethodHandle constructor = lookup.unreflectConstructor(canonical)
                    .asSpreader(Object[].class, parameterTypes.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
            return new PlainRecordCodec(components, constructor);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // not accessible to us: Jackson decides
        }
    }

    /** Appends the msgpack of {@code value} (a non-null instance of the record) to {@code out}. */
    void write(Object value, MsgpackOut out) {
        out.mapHeader(components.length);
        for (Component c : components) {
            out.raw(c.key);
            Object v;
            try {
                v = c.getter.invokeExact(value);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
            if (v == null) {
                out.nil();
                continue;
            }
            switch (c.kind) {
                case LONG -> out.integer((Long) v);
                case INT -> out.integer((Integer) v);
                case DOUBLE -> out.float64((Double) v);
                case BOOLEAN -> out.bool((Boolean) v);
                case STRING -> out.string((String) v);
            }
        }
    }

    /** The record in {@code bytes[start, end)}, or null to let Jackson read it (see the class comment). */
    Object read(byte[] bytes, int start, int end) {
        MsgpackIn in = new MsgpackIn(bytes, start, end);
        int n = in.mapHeader();
        if (n != components.length) {
            return null;
        }
        Object[] args = new Object[n];
        boolean[] seen = new boolean[n];
        for (int i = 0; i < n; i++) {
            int index = in.key(components, i);
            if (index < 0 || seen[index]) {
                return null;
            }
            seen[index] = true;
            Component c = components[index];
            Object v = in.isNil() ? null : switch (c.kind) {
                case LONG -> in.longValue();
                case INT -> in.intValue();
                case DOUBLE -> in.doubleValue();
                case BOOLEAN -> in.booleanValue();
                case STRING -> in.stringValue();
            };
            if (v == null && !(c.boxed && in.consumedNil())) {
                return null;
            }
            args[index] = v;
        }
        if (!in.atEnd()) {
            return null;
        }
        try {
            return constructor.invokeExact(args);
        } catch (Throwable e) {
            return null; // a compact constructor's check: Jackson reports it
        }
    }

    /** The msgpack string for a key, header included. */
    private static byte[] key(String name) {
        MsgpackOut out = new MsgpackOut(name.length() + 5);
        out.string(name);
        return out.copy();
    }

    private static boolean hasJacksonAnnotation(Class<?> type) {
        if (jackson(type.getAnnotations())) {
            return true;
        }
        for (AccessibleObject member : concat(type.getDeclaredFields(), type.getDeclaredMethods(), type.getDeclaredConstructors())) {
            if (jackson(member.getAnnotations())) {
                return true;
            }
            if (member instanceof Executable executable) {
                for (Parameter p : executable.getParameters()) {
                    if (jackson(p.getAnnotations())) {
                        return true;
                    }
                }
            }
        }
        for (RecordComponent rc : type.getRecordComponents()) {
            if (jackson(rc.getAnnotations())) {
                return true;
            }
        }
        return false;
    }

    private static boolean jackson(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a.annotationType().getName().startsWith("com.fasterxml.jackson.")) {
                return true;
            }
        }
        return false;
    }

    /** A public getX()/isX() that is not an accessor: Jackson would write it as one more property. */
    private static boolean hasExtraGetter(Class<?> type, RecordComponent[] components) {
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 0 || m.getReturnType() == void.class
                    || m.getDeclaringClass() == Object.class || m.getDeclaringClass() == Record.class) {
                continue;
            }
            String name = m.getName();
            boolean getter = (name.startsWith("get") && name.length() > 3)
                    || (name.startsWith("is") && name.length() > 2 && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class));
            if (getter && Arrays.stream(components).noneMatch(rc -> rc.getName().equals(name))) {
                return true;
            }
        }
        return false;
    }

    private static AccessibleObject[] concat(AccessibleObject[]... arrays) {
        return Arrays.stream(arrays).flatMap(Arrays::stream).toArray(AccessibleObject[]::new);
    }

    /** A growable msgpack writer: smallest forms, as msgpack-java's packer writes them. */
    static final class MsgpackOut {
        private byte[] buf;
        private int size;

        MsgpackOut(int capacity) {
            buf = new byte[Math.max(16, capacity)];
        }

        int size() {
            return size;
        }

        byte[] array() {
            return buf;
        }

        byte[] copy() {
            return Arrays.copyOf(buf, size);
        }

        private void ensure(int more) {
            if (size + more > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }

        void raw(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buf, size, bytes.length);
            size += bytes.length;
        }

        void mapHeader(int n) {
            ensure(1);
            buf[size++] = (byte) (0x80 | n);
        }

        void nil() {
            ensure(1);
            buf[size++] = (byte) 0xc0;
        }

        void bool(boolean v) {
            ensure(1);
            buf[size++] = (byte) (v ? 0xc3 : 0xc2);
        }

        void integer(long v) {
            ensure(9);
            if (v < -(1L << 5)) {
                if (v < -(1L << 15)) {
                    if (v < -(1L << 31)) {
                        put(0xd3, v, 8);
                    } else {
                        put(0xd2, v, 4);
                    }
                } else if (v < -(1 << 7)) {
                    put(0xd1, v, 2);
                } else {
                    put(0xd0, v, 1);
                }
            } else if (v < (1 << 7)) {
                buf[size++] = (byte) v;
            } else if (v < (1 << 8)) {
                put(0xcc, v, 1);
            } else if (v < (1 << 16)) {
                put(0xcd, v, 2);
            } else if (v < (1L << 32)) {
                put(0xce, v, 4);
            } else {
                put(0xcf, v, 8);
            }
        }

        void float64(double v) {
            ensure(9);
            put(0xcb, Double.doubleToRawLongBits(v), 8);
        }

        void string(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            int n = utf8.length;
            ensure(n + 5);
            if (n < (1 << 5)) {
                buf[size++] = (byte) (0xa0 | n);
            } else if (n < (1 << 8)) {
                put(0xd9, n, 1);
            } else if (n < (1 << 16)) {
                put(0xda, n, 2);
            } else {
                put(0xdb, n, 4);
            }
            System.arraycopy(utf8, 0, buf, size, n);
            size += n;
        }

        /** A format byte, then the low {@code bytes} bytes of {@code v}, big-endian. */
        private void put(int format, long v, int bytes) {
            buf[size++] = (byte) format;
            for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
                buf[size++] = (byte) (v >>> shift);
            }
        }
    }

    /** A reader over one value's bytes; every method returns null / -1 instead of throwing on what it does not expect. */
    private static final class MsgpackIn {
        private final byte[] b;
        private int pos;
        private final int end;
        private boolean nil;

        MsgpackIn(byte[] b, int start, int end) {
            this.b = b;
            this.pos = start;
            this.end = end;
        }

        boolean atEnd() {
            return pos == end;
        }

        int mapHeader() {
            if (pos >= end) {
                return -1;
            }
            int f = b[pos] & 0xff;
            if ((f & 0xf0) == 0x80) {
                pos++;
                return f & 0x0f;
            }
            if (f == 0xde && pos + 3 <= end) {
                pos += 3;
                return (int) uint(pos - 2, 2);
            }
            return -1;
        }

        /** The index of the component whose key comes next, or -1; keys usually come in order, so {@code likely} is tried first. */
        int key(Component[] components, int likely) {
            int length = stringHeader();
            if (length < 0 || pos + length > end) {
                return -1;
            }
            for (int k = 0; k < components.length; k++) {
                int i = (likely + k) % components.length;
                byte[] name = components[i].name;
                if (Arrays.equals(name, 0, name.length, b, pos, pos + length)) {
                    pos += length;
                    return i;
                }
            }
            return -1;
        }

        boolean isNil() {
            nil = pos < end && (b[pos] & 0xff) == 0xc0;
            return nil;
        }

        /** Consumes the nil {@link #isNil} saw; false if there was none. */
        boolean consumedNil() {
            if (!nil) {
                return false;
            }
            pos++;
            return true;
        }

        Long longValue() {
            if (pos >= end) {
                return null;
            }
            int f = b[pos] & 0xff;
            if (f <= 0x7f || f >= 0xe0) {
                pos++;
                return (long) (byte) f;
            }
            int n = switch (f) {
                case 0xcc, 0xd0 -> 1;
                case 0xcd, 0xd1 -> 2;
                case 0xce, 0xd2 -> 4;
                case 0xcf, 0xd3 -> 8;
                default -> -1;
            };
            if (n < 0 || pos + 1 + n > end) {
                return null;
            }
            long v = uint(pos + 1, n);
            if (f >= 0xd0) {
                v = n == 8 ? v : (v << (64 - 8 * n)) >> (64 - 8 * n); // sign-extend int8..int32
            } else if (n == 8 && v < 0) {
                return null; // a uint64 above Long.MAX_VALUE
            }
            pos += 1 + n;
            return v;
        }

        Integer intValue() {
            int start = pos;
            Long v = longValue();
            if (v == null || v != v.intValue()) {
                pos = start;
                return null;
            }
            return v.intValue();
        }

        Double doubleValue() {
            if (pos >= end) {
                return null;
            }
            int f = b[pos] & 0xff;
            if (f == 0xcb && pos + 9 <= end) {
                double v = Double.longBitsToDouble(uint(pos + 1, 8));
                pos += 9;
                return v;
            }
            if (f == 0xca && pos + 5 <= end) {
                double v = Float.intBitsToFloat((int) uint(pos + 1, 4));
                pos += 5;
                return v;
            }
            Long integral = longValue(); // Jackson reads an integer into a double too
            return integral == null ? null : (double) integral;
        }

        Boolean booleanValue() {
            if (pos < end && ((b[pos] & 0xff) == 0xc2 || (b[pos] & 0xff) == 0xc3)) {
                return (b[pos++] & 0xff) == 0xc3;
            }
            return null;
        }

        String stringValue() {
            int start = pos;
            int length = stringHeader();
            if (length < 0 || pos + length > end) {
                pos = start;
                return null;
            }
            int from = pos;
            pos += length;
            boolean ascii = true;
            for (int i = from; i < pos && ascii; i++) {
                ascii = b[i] >= 0;
            }
            if (ascii) {
                return new String(b, from, length, StandardCharsets.ISO_8859_1);
            }
            try {
                CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, from, length));
                return chars.toString();
            } catch (CharacterCodingException e) {
                return null; // Jackson's reader replaces malformed bytes its own way
            }
        }

        /** A str header's length, advancing past the header; -1 if the next value is not a string. */
        private int stringHeader() {
            if (pos >= end) {
                return -1;
            }
            int f = b[pos] & 0xff;
            if ((f & 0xe0) == 0xa0) {
                pos++;
                return f & 0x1f;
            }
            int n = f == 0xd9 ? 1 : f == 0xda ? 2 : f == 0xdb ? 4 : -1;
            if (n < 0 || pos + 1 + n > end) {
                return -1;
            }
            long length = uint(pos + 1, n);
            if (length > Integer.MAX_VALUE) {
                return -1;
            }
            pos += 1 + n;
            return (int) length;
        }

        private long uint(int at, int bytes) {
            long v = 0;
            for (int i = 0; i < bytes; i++) {
                v = (v << 8) | (b[at + i] & 0xff);
            }
            return v;
        }
    }
}
