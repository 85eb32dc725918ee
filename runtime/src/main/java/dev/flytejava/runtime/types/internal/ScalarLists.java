package dev.flytejava.runtime.types.internal;

import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Hot paths for lists of the common scalars ({@code List<Long>}, {@code List<Double>}, {@code List<String>}):
 * one tight loop per element class (fresh builders, which the JIT removes by escape analysis), instead of a call through
 * the generic transformer per element (a call site shared by every type, which the JIT cannot inline).
 * Same checks and error paths as the generic route.
 * <p>{@code List<Long>} to literals is bound by the bytes it must allocate: measured on protobuf-java 4.36, each element
 * keeps a Literal (48 bytes), a Scalar (40), a Primitive (40) and the Long the generated setter boxes (24), and the
 * builders cost nothing more (reused builders, {@code buildPartial()} or plain objects of the same sizes were no faster).
 * Reading back needs none of that: longs and doubles land in a primitive array behind an immutable list.
 */
final class ScalarLists {

    private ScalarLists() {}

    static Literal toLiteral(List<?> values, Class<?> elementClass, BoundConverter element) {
        int size = values.size();
        ArrayList<Literal> literals = new ArrayList<>(size);
        if (values instanceof LongList longs) { // a list read back from a literal, passed on: no boxes to check
            for (int i = 0; i < size; i++) {
                literals.add(Literals.of(Primitive.newBuilder().setInteger(longs.getLong(i))));
            }
            return Literals.collection(literals);
        }
        if (values instanceof DoubleList doubles) {
            for (int i = 0; i < size; i++) {
                literals.add(Literals.of(Primitive.newBuilder().setFloatValue(doubles.getDouble(i))));
            }
            return Literals.collection(literals);
        }
        int index = 0;
        for (Object value : values) {
            Primitive.Builder primitive = Primitive.newBuilder();
            if (elementClass == Long.class && value instanceof Long v) {
                primitive.setInteger(v);
            } else if (elementClass == Double.class && value instanceof Double v) {
                primitive.setFloatValue(v);
            } else if (elementClass == String.class && value instanceof String v) {
                primitive.setStringValue(v);
            } else {
                // nulls and strangers take the generic route, which throws its usual error
                literals.add(ListTransformer.atIndex(index, () -> element.toLiteral(value)));
                index++;
                continue;
            }
            literals.add(Literals.of(primitive));
            index++;
        }
        return Literals.collection(literals);
    }

    /**
     * Longs and doubles come back as {@link LongList} / {@link DoubleList} (no boxes), strings as an unmodifiable list.
     * An element of another primitive kind goes through the element converter, which reads it leniently or throws.
     */
    static List<?> toJava(List<Literal> literals, Class<?> elementClass, BoundConverter element) {
        if (elementClass == Long.class) {
            return new LongList(longs(literals, element));
        }
        if (elementClass == Double.class) {
            return new DoubleList(doubles(literals, element));
        }
        int size = literals.size();
        ArrayList<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Literal literal = literals.get(i);
            Primitive p = literal.getScalar().getPrimitive();
            values.add(p.getValueCase() == Primitive.ValueCase.STRING_VALUE ? p.getStringValue() : ListTransformer.atIndex(i, () -> element.toJava(literal)));
        }
        return Collections.unmodifiableList(values);
    }

    private static long[] longs(List<Literal> literals, BoundConverter element) {
        long[] values = new long[literals.size()];
        for (int i = 0; i < values.length; i++) {
            Literal literal = literals.get(i);
            Primitive p = literal.getScalar().getPrimitive();
            values[i] = p.getValueCase() == Primitive.ValueCase.INTEGER ? p.getInteger() : (Long) ListTransformer.atIndex(i, () -> element.toJava(literal));
        }
        return values;
    }

    private static double[] doubles(List<Literal> literals, BoundConverter element) {
        double[] values = new double[literals.size()];
        for (int i = 0; i < values.length; i++) {
            Literal literal = literals.get(i);
            Primitive p = literal.getScalar().getPrimitive();
            values[i] = p.getValueCase() == Primitive.ValueCase.FLOAT_VALUE ? p.getFloatValue() : (Double) ListTransformer.atIndex(i, () -> element.toJava(literal));
        }
        return values;
    }
}
