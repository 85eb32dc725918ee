package dev.flytejava.kernel.display;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code text/plain} of a value: its usual rendering, except that a JDK collection or map, or an array, with more
 * than {@link #MAX_ELEMENTS} elements shows the first {@value #MAX_ELEMENTS} and how many more there are, as IPython
 * cuts long sequences. A cell ending in a list of a million numbers then sends kilobytes, not megabytes, and the
 * notebook stays usable. Collections whose class renders itself (its own {@code toString}) are left alone.
 */
public final class ValueText {

    public static final int MAX_ELEMENTS = 1000;

    private ValueText() {}

    /** {@code value} as text; {@code usual} renders it (and array elements) when it is not cut. */
    public static String of(Object value, Function<Object, String> usual) {
        if (value instanceof Collection<?> c && c.size() > MAX_ELEMENTS && rendersAsJdk(value)) {
            return cut("[", c.iterator(), c.size(), "]", String::valueOf);
        }
        if (value instanceof Map<?, ?> m && m.size() > MAX_ELEMENTS && rendersAsJdk(value)) {
            return cut("{", m.entrySet().iterator(), m.size(), "}", String::valueOf);
        }
        if (value != null && value.getClass().isArray() && Array.getLength(value) > MAX_ELEMENTS) {
            int length = Array.getLength(value);
            Iterator<Object> elements = new Iterator<>() {
                int next;

                @Override
                public boolean hasNext() {
                    return next < length;
                }

                @Override
                public Object next() {
                    return Array.get(value, next++);
                }
            };
            String type = value.getClass().getComponentType().getSimpleName();
            return cut(type + "[" + length + "] { ", elements, length, " }", usual);
        }
        return usual.apply(value);
    }

    private static <T> String cut(String open, Iterator<T> elements, int size, String close, Function<Object, String> element) {
        StringBuilder text = new StringBuilder(open);
        for (int i = 0; i < MAX_ELEMENTS && elements.hasNext(); i++) {
            text.append(i == 0 ? "" : ", ").append(element.apply(elements.next()));
        }
        return text.append(", ... ").append(size - MAX_ELEMENTS).append(" more").append(close).toString();
    }

    /** Whether the value's toString is the JDK's own (AbstractCollection, AbstractMap, a java.util wrapper). */
    private static boolean rendersAsJdk(Object value) {
        try {
            return value.getClass().getMethod("toString").getDeclaringClass().getName().startsWith("java.util.");
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
