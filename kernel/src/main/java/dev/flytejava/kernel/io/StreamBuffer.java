package dev.flytejava.kernel.io;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The bytes one stream ({@code stdout} or {@code stderr}) has written since the last flush.
 * {@link #drain} hands out complete UTF-8 text only; a multi-byte character cut between writes
 * waits for its remaining bytes. Like IPython's iopub rate limit, one request may publish at most
 * {@code budget} bytes: what it writes beyond is counted and dropped, so a cell printing without
 * end neither floods the front end nor grows the kernel's memory.
 */
final class StreamBuffer extends OutputStream {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Runnable onWrite;
    private final long budget;
    private long accepted;
    private long dropped;

    StreamBuffer(Runnable onWrite, long budget) {
        this.onWrite = onWrite;
        this.budget = budget;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (len == 0) return;
        synchronized (bytes) {
            int kept = (int) Math.max(0, Math.min(len, budget - accepted));
            bytes.write(b, off, kept);
            accepted += kept;
            dropped += len - kept;
        }
        onWrite.run();
    }

    /** The bytes dropped since the last {@link #restartBudget}. */
    long dropped() {
        synchronized (bytes) {
            return dropped;
        }
    }

    /** A new request starts: it gets the whole budget again. */
    void restartBudget() {
        synchronized (bytes) {
            accepted = 0;
            dropped = 0;
        }
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
