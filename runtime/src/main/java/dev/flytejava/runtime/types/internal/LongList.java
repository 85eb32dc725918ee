package dev.flytejava.runtime.types.internal;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * An immutable {@code List<Long>} over a {@code long[]}: what a Flyte collection of INTEGERs reads back as. It holds 8
 * bytes per element instead of a reference and a boxed Long (28 bytes), and reading a literal allocates no boxes;
 * elements are boxed when asked for, which loops that only unbox them again usually never pay for.
 */
final class LongList extends AbstractList<Long> implements RandomAccess {

    private final long[] values;

    /** Takes ownership of {@code values}: the caller must not change the array afterwards. */
    LongList(long[] values) {
        this.values = values;
    }

    @Override
    public Long get(int index) {
        return values[index];
    }

    @Override
    public int size() {
        return values.length;
    }

    /** The element at {@code index} without boxing, for conversions that read this list again. */
    long getLong(int index) {
        return values[index];
    }
}
