package dev.flytejava.runtime.types.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable msgpack writer for {@link PlainRecordCodec}: each value in its smallest form, as msgpack-java's packer writes it. */
final class MsgpackWriter {

    private byte[] buf;
    private int size;

    MsgpackWriter(int capacity) {
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

    void arrayHeader(int n) {
        ensure(5);
        if (n < (1 << 4)) {
            buf[size++] = (byte) (0x90 | n);
        } else if (n < (1 << 16)) {
            put(0xdc, n, 2);
        } else {
            put(0xdd, n, 4);
        }
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
