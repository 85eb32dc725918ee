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
    private final byte[][] names;
    private final MethodHandle constructor; // (Object[]) -> Object

    private PlainRecordCodec(Component[] components, MethodHandle constructor) {
        this.components = components;
        this.names = Arrays.stream(components).map(Component::name).toArray(byte[][]::new);
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
    void write(Object value, MsgpackWriter out) {
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
        MsgpackReader in = new MsgpackReader(bytes, start, end);
        int n = in.mapHeader();
        if (n != components.length) {
            return null;
        }
        Object[] args = new Object[n];
        boolean[] seen = new boolean[n];
        for (int i = 0; i < n; i++) {
            int index = in.key(names, i);
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
        MsgpackWriter out = new MsgpackWriter(name.length() + 5);
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
}
