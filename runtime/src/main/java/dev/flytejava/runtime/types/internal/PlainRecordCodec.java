package dev.flytejava.runtime.types.internal;

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
import java.util.HashSet;
import java.util.Set;

/**
 * msgpack for plain records through msgpack-core's packer and unpacker, without Jackson's binding: records without
 * Jackson annotations or extra getters whose components are numbers, booleans, Strings, Instants, Durations, enums,
 * {@code Optional}s and {@code List}s of those, or plain records again (see {@link PlainValueCodec}). Those are most rows a data task passes around, and
 * Jackson's msgpack binding spends most of its time on per-value machinery (a generator per value, a new String for
 * every key read).
 *
 * <p>Writing gives byte for byte what Jackson writes (a map of the components in declaration order, each number in
 * its smallest msgpack form, doubles as float64). Reading accepts the keys in any order but steps aside, returning
 * {@code null}, on anything Jackson could read differently or reject (a missing, extra or repeated key, a nil for a
 * primitive, an out-of-range or non-numeric value, an unknown enum name, malformed UTF-8, a constructor that throws):
 * the caller then reads through Jackson, which gives its usual value or error.
 */
final class PlainRecordCodec implements PlainValueCodec {

    /** One component: its name in UTF-8, its msgpack key (header and name), its codec and its accessor. */
    private record Component(byte[] name, byte[] key, PlainValueCodec codec, MethodHandle getter) {}

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
        return of(type, new HashSet<>());
    }

    /** {@link #of(Class)} inside a record being built: {@code inProgress} are the enclosing ones. */
    static PlainRecordCodec of(Class<?> type, Set<Class<?>> inProgress) {
        if (!type.isRecord() || hasJacksonAnnotation(type) || type.getRecordComponents().length > 15 || !inProgress.add(type)) {
            return null; // up to 15 components: one fixmap header, as Jackson writes for them
        }
        try {
            RecordComponent[] recordComponents = type.getRecordComponents();
            Component[] components = new Component[recordComponents.length];
            Class<?>[] parameterTypes = new Class<?>[recordComponents.length];
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            for (int i = 0; i < recordComponents.length; i++) {
                RecordComponent rc = recordComponents[i];
                PlainValueCodec codec = PlainValueCodec.of(rc.getGenericType(), inProgress);
                if (codec == null) {
                    return null;
                }
                Method accessor = rc.getAccessor();
                accessor.setAccessible(true);
                MethodHandle getter = lookup.unreflect(accessor).asType(MethodType.methodType(Object.class, Object.class));
                components[i] = new Component(rc.getName().getBytes(StandardCharsets.UTF_8), key(rc.getName()), codec, getter);
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
        } finally {
            inProgress.remove(type);
        }
    }

    /** Appends the msgpack of {@code value}, an instance of the record or null, to {@code out}. */
    @Override
    public void write(Object value, MsgpackWriter out) {
        if (value == null) {
            out.nil();
            return;
        }
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
            c.codec.write(v, out);
        }
    }

    /** The record in {@code bytes[start, end)}, or null to let Jackson read it (see the class comment). */
    Object read(byte[] bytes, int start, int end) {
        MsgpackReader in = new MsgpackReader(bytes, start, end);
        Object value = read(in);
        return value == STEP_ASIDE || value == null || !in.atEnd() ? null : value;
    }

    /**
     * The records back to back in {@code bytes}, record i ending at {@code ends[i]}, through one reader; null to let
     * Jackson read them all when any steps aside, is nil, or does not end where its bytes end.
     */
    java.util.List<Object> readAll(byte[] bytes, int[] ends) {
        MsgpackReader in = new MsgpackReader(bytes, 0, ends.length == 0 ? 0 : ends[ends.length - 1]);
        java.util.ArrayList<Object> values = new java.util.ArrayList<>(ends.length);
        for (int end : ends) {
            Object value = read(in);
            if (value == STEP_ASIDE || value == null || in.position() != end) {
                return null;
            }
            values.add(value);
        }
        return values;
    }

    @Override
    public Object read(MsgpackReader in) {
        if (in.nil()) {
            return null;
        }
        int n = in.mapHeader();
        if (n != components.length) {
            return STEP_ASIDE;
        }
        Object[] args = new Object[n];
        boolean[] seen = new boolean[n];
        for (int i = 0; i < n; i++) {
            int index = in.key(names, i);
            if (index < 0 || seen[index]) {
                return STEP_ASIDE;
            }
            seen[index] = true;
            Object v = components[index].codec.read(in);
            if (v == STEP_ASIDE) {
                return STEP_ASIDE;
            }
            args[index] = v;
        }
        try {
            return constructor.invokeExact(args);
        } catch (Throwable e) {
            return STEP_ASIDE; // a compact constructor's check: Jackson reports it
        }
    }

    /** The msgpack string for a key, header included. */
    private static byte[] key(String name) {
        MsgpackWriter out = new MsgpackWriter(name.length() + 5);
        out.string(name);
        return out.toByteArray();
    }

    private static boolean hasJacksonAnnotation(Class<?> type) {
        if (PlainValueCodec.jackson(type)) {
            return true;
        }
        for (AccessibleObject member : concat(type.getDeclaredFields(), type.getDeclaredMethods(), type.getDeclaredConstructors())) {
            if (PlainValueCodec.jackson(member)) {
                return true;
            }
            if (member instanceof Executable executable) {
                for (Parameter p : executable.getParameters()) {
                    if (PlainValueCodec.jackson(p)) {
                        return true;
                    }
                }
            }
        }
        for (RecordComponent rc : type.getRecordComponents()) {
            if (PlainValueCodec.jackson(rc)) {
                return true;
            }
        }
        // Jackson also reads the annotations of the interfaces a record implements (@JsonTypeInfo, @JsonIgnore...)
        for (Class<?> face : type.getInterfaces()) {
            if (interfaceHasJacksonAnnotation(face)) {
                return true;
            }
        }
        return false;
    }

    private static boolean interfaceHasJacksonAnnotation(Class<?> face) {
        if (PlainValueCodec.jackson(face) || Arrays.stream(face.getDeclaredMethods()).anyMatch(PlainValueCodec::jackson)) {
            return true;
        }
        return Arrays.stream(face.getInterfaces()).anyMatch(PlainRecordCodec::interfaceHasJacksonAnnotation);
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
