package dev.flytejava.kernel.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import dev.flytejava.kernel.wire.Stdin;
import org.dflib.jjava.jupyter.messages.Message;

/**
 * {@code System.in} of the kernel: when a cell reads and nothing is buffered, the front end is
 * asked for a line ({@code input_request}), if the running request allows stdin.
 */
public final class CellInput extends InputStream {

    private final Stdin stdin;
    private final OutputRouter output;
    private volatile Message<?> request;
    private volatile boolean allowed;
    private byte[] line = new byte[0];
    private int pos;

    public CellInput(Stdin stdin, OutputRouter output) {
        this.stdin = stdin;
        this.output = output;
    }

    /** The request being executed and whether its front end accepts input requests. */
    public synchronized void request(Message<?> request, boolean allowStdin) {
        this.request = request;
        this.allowed = allowStdin;
        this.line = new byte[0];
        this.pos = 0;
    }

    @Override
    public synchronized int read() throws IOException {
        if (!fill()) return -1;
        return line[pos++] & 0xFF;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (!fill()) return -1;
        int n = Math.min(len, line.length - pos);
        System.arraycopy(line, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public synchronized int available() {
        return line.length - pos;
    }

    private boolean fill() throws IOException {
        if (pos < line.length) return true;
        Message<?> r = request;
        if (r == null || !allowed) {
            throw new InputNotAllowedException();
        }
        output.flush(); // the prompt the cell printed must be visible before the input box
        String text = stdin.readLine(r, "", false);
        line = (text + "\n").getBytes(StandardCharsets.UTF_8);
        pos = 0;
        return true;
    }
}
