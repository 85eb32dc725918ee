package dev.flytejava.runtime.types.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the msgpack of one value for {@link PlainRecordCodec}. Every method returns null or -1, never throws, on what
 * it does not expect (another format, a value out of range, bytes past the end), so the caller can step aside.
 */
final class MsgpackReader {

    private final byte[] b;
    private int pos;
    private final int end;

    MsgpackReader(byte[] b, int start, int end) {
        this.b = b;
        this.pos = start;
        this.end = end;
    }

    boolean atEnd() {
        return pos == end;
    }

    /** The number of entries of the map that comes next (its header consumed), or -1. */
    int mapHeader() {
        return containerHeader(0x80, 0xde, 0xdf);
    }

    /**
     * Reads a string key and returns the index of the equal one in {@code names} (UTF-8), or -1. Keys usually come in
     * a known order, so {@code likely} is tried first.
     */
    int key(byte[][] names, int likely) {
        int length = stringHeader();
        if (length < 0 || pos + length > end) {
            return -1;
        }
        for (int k = 0; k < names.length; k++) {
            int i = (likely + k) % names.length;
            byte[] name = names[i];
            if (Arrays.equals(name, 0, name.length, b, pos, pos + length)) {
                pos += length;
                return i;
            }
        }
        return -1;
    }

    /** Consumes a nil if one comes next. */
    boolean nil() {
        if (pos < end && (b[pos] & 0xff) == 0xc0) {
            pos++;
            return true;
        }
        return false;
    }

    /** The size of the array that comes next (its header consumed), or -1. */
    int arrayHeader() {
        return containerHeader(0x90, 0xdc, 0xdd);
    }

    /** A map or array header: {@code fix} with the size in its low 4 bits, or {@code f16}/{@code f32} then the size. */
    private int containerHeader(int fix, int f16, int f32) {
        if (pos >= end) {
            return -1;
        }
        int f = b[pos] & 0xff;
        if ((f & 0xf0) == fix) {
            pos++;
            return f & 0x0f;
        }
        int n = f == f16 ? 2 : f == f32 ? 4 : -1;
        if (n < 0 || pos + 1 + n > end) {
            return -1;
        }
        long size = uint(pos + 1, n);
        if (size > end - pos) {
            return -1; // more elements than bytes left: malformed
        }
        pos += 1 + n;
        return (int) size;
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
