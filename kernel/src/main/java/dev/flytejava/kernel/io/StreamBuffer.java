package dev.flytejava.kernel.io;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The bytes one stream ({@code stdout} or {@code stderr}) has written since the last flush.
 * {@link #drain} hands out complete UTF-8 text only; a multi-byte character cut between writes
 * waits for its remaining bytes.
 */
final class StreamBuffer extends OutputStream {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Runnable onWrite;

    StreamBuffer(Runnable onWrite) {
        this.onWrite = onWrite;
    }

    @Override
    public void write(int b) {
        synchronized (bytes) {
            bytes.write(b);
        }
        onWrite.run();
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (len == 0) return;
        synchronized (bytes) {
            bytes.write(b, off, len);
        }
        onWrite.run();
    }

    /** Gives the buffered complete text to {@code sink}, if there is any. */
    void drain(Consumer<String> sink) {
        String text;
        synchronized (bytes) {
            if (bytes.size() == 0) return;
            byte[] all = bytes.toByteArray();
            int complete = completeLength(all);
            text = new String(all, 0, complete, StandardCharsets.UTF_8);
            bytes.reset();
            bytes.write(all, complete, all.length - complete);
        }
        if (!text.isEmpty()) sink.accept(text);
    }

    /** The length of the longest prefix of {@code b} that does not end inside a UTF-8 sequence. */
    static int completeLength(byte[] b) {
        int n = b.length;
        for (int back = 1; back <= Math.min(3, n); back++) {
            int c = b[n - back] & 0xFF;
            if ((c & 0xC0) == 0x80) continue; // continuation byte: look further back
            int needed = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
            return needed > back ? n - back : n;
        }
        return n;
    }
}
