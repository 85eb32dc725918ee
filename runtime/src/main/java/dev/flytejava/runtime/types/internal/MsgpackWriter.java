package dev.flytejava.runtime.types.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/**
 * msgpack-core's buffer packer, for {@link PlainRecordCodec}: each value in its smallest form, the same packer
 * Jackson's msgpack generator writes through, so both give the same bytes. It writes to memory only, so its
 * IOExceptions cannot happen; they are rethrown unchecked.
 */
final class MsgpackWriter {

    private final MessageBufferPacker packer;

    MsgpackWriter(int capacity) {
        packer = new MessagePack.PackerConfig().withBufferSize(Math.max(64, capacity)).newBufferPacker();
    }

    /** The number of bytes written so far. */
    int size() {
        return (int) packer.getTotalWrittenBytes();
    }

    byte[] toByteArray() {
        return packer.toByteArray();
    }

    /** Bytes that are already msgpack (a key with its header). */
    void raw(byte[] bytes) {
        try {
            packer.writePayload(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void mapHeader(int n) {
        try {
            packer.packMapHeader(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void arrayHeader(int n) {
        try {
            packer.packArrayHeader(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void nil() {
        try {
            packer.packNil();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void bool(boolean v) {
        try {
            packer.packBoolean(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void integer(long v) {
        try {
            packer.packLong(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void float64(double v) {
        try {
            packer.packDouble(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void string(String s) {
        try {
            packer.packString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
