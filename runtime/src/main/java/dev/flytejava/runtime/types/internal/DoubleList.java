package dev.flytejava.runtime.types.internal;

import java.util.AbstractList;
import java.util.RandomAccess;

/** An immutable {@code List<Double>} over a {@code double[]}: the FLOAT counterpart of {@link LongList}. */
final class DoubleList extends AbstractList<Double> implements RandomAccess {

    private final double[] values;

    /** Takes ownership of {@code values}: the caller must not change the array afterwards. */
    DoubleList(double[] values) {
        this.values = values;
    }

    @Override
    public Double get(int index) {
        return values[index];
    }

    @Override
    public int size() {
        return values.length;
    }

    /** The element at {@code index} without boxing, for conversions that read this list again. */
    double getDouble(int index) {
        return values[index];
    }
}
