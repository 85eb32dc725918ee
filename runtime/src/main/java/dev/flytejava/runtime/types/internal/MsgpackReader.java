package dev.flytejava.runtime.types.internal;

import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;
import org.msgpack.core.buffer.MessageBuffer;
import org.msgpack.value.ValueType;

/**
 * msgpack-core's unpacker over a byte range, for {@link PlainRecordCodec}. Every method returns null or -1, never
 * throws, on what it does not expect (another type, a value out of range, malformed UTF-8, bytes past the end), so the
 * caller can step aside and leave the value to Jackson.
 */
final class MsgpackReader {

    /** Malformed strings are reported, not replaced: Jackson's reader replaces them its own way. */
    private static final MessagePack.UnpackerConfig CONFIG = new MessagePack.UnpackerConfig()
            .withActionOnMalformedString(CodingErrorAction.REPORT)
            .withActionOnUnmappableString(CodingErrorAction.REPORT);

    private final MessageUnpacker in;
    private final int length;

    MsgpackReader(byte[] bytes, int start, int end) {
        this.in = CONFIG.newUnpacker(bytes, start, end - start);
        this.length = end - start;
    }

    /** Bytes read so far, from the start of the range. */
    int position() {
        return (int) in.getTotalReadBytes();
    }

    boolean atEnd() {
        return position() == length;
    }

    /** Whether a value of {@code type} comes next. */
    private boolean next(ValueType type) {
        try {
            return in.hasNext() && in.getNextFormat().getValueType() == type;
        } catch (IOException | MessagePackException e) {
            return false;
        }
    }

    /** The number of entries of the map that comes next (its header consumed), or -1. */
    int mapHeader() {
        try {
            return next(ValueType.MAP) ? bounded(in.unpackMapHeader()) : -1;
        } catch (IOException | MessagePackException e) {
            return -1;
        }
    }

    /** The size of the array that comes next (its header consumed), or -1. */
    int arrayHeader() {
        try {
            return next(ValueType.ARRAY) ? bounded(in.unpackArrayHeader()) : -1;
        } catch (IOException | MessagePackException e) {
            return -1;
        }
    }

    /** A container size, or -1 when there are fewer bytes left than elements (malformed). */
    private int bounded(int size) {
        return size >= 0 && size <= length - position() ? size : -1;
    }

    /**
     * Reads a string key and returns the index of the equal one in {@code names} (UTF-8), or -1. Keys usually come in
     * a known order, so {@code likely} is tried first. The key's bytes are compared where they are, never decoded.
     */
    int key(byte[][] names, int likely) {
        try {
            if (!next(ValueType.STRING)) {
                return -1;
            }
            int size = in.unpackRawStringHeader();
            if (size > length - position()) {
                return -1;
            }
            MessageBuffer key = in.readPayloadAsReference(size);
            for (int k = 0; k < names.length; k++) {
                int i = (likely + k) % names.length;
                if (sameBytes(names[i], key, size)) {
                    return i;
                }
            }
            return -1;
        } catch (IOException | MessagePackException e) {
            return -1;
        }
    }

    private static boolean sameBytes(byte[] name, MessageBuffer key, int size) {
        if (name.length != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (name[i] != key.getByte(i)) {
                return false;
            }
        }
        return true;
    }

    /** Consumes a nil if one comes next. */
    boolean nil() {
        try {
            if (next(ValueType.NIL)) {
                in.unpackNil();
                return true;
            }
            return false;
        } catch (IOException | MessagePackException e) {
            return false;
        }
    }

    /** An integer that fits a long (a uint64 above Long.MAX_VALUE does not), or null. */
    Long longValue() {
        try {
            return next(ValueType.INTEGER) ? in.unpackLong() : null;
        } catch (IOException | MessagePackException e) {
            return null;
        }
    }

    Integer intValue() {
        Long v = longValue();
        return v == null || v != v.intValue() ? null : v.intValue();
    }

    /** A float32 or float64, or an integer (Jackson reads an integer into a double too), or null. */
    Double doubleValue() {
        try {
            if (next(ValueType.FLOAT)) {
                return in.unpackDouble();
            }
            Long integral = longValue();
            return integral == null ? null : (double) integral;
        } catch (IOException | MessagePackException e) {
            return null;
        }
    }

    Boolean booleanValue() {
        try {
            return next(ValueType.BOOLEAN) ? in.unpackBoolean() : null;
        } catch (IOException | MessagePackException e) {
            return null;
        }
    }

    String stringValue() {
        try {
            return next(ValueType.STRING) ? in.unpackString() : null;
        } catch (IOException | MessagePackException e) {
            return null;
        }
    }
}
