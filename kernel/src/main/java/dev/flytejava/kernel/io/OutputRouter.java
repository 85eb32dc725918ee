package dev.flytejava.kernel.io;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.flytejava.kernel.wire.IOPub;
import dev.flytejava.kernel.wire.Messages;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;

/**
 * Publishes what the process writes to {@code System.out}/{@code System.err} as {@code stream}
 * messages of the request being served. Text is sent a few milliseconds after it is written (so
 * a loop of prints becomes a few messages, not thousands) and at once on {@link #flush}. Each
 * request may publish {@link #BUDGET_BYTES} per stream; beyond that its output is dropped and one
 * notice on {@code stderr} says so (a cell printing megabytes would otherwise be held in memory
 * and flood the front end, which is what IPython's {@code iopub_data_rate_limit} guards against).
 */
public final class OutputRouter {

    private static final long COALESCE_MS = 20;
    /** The most one request may write to one stream; a notebook shows far less than this usefully. */
    public static final long BUDGET_BYTES = 4L << 20;

    private final IOPub iopub;
    private final Messages messages;
    private final StreamBuffer stdout = new StreamBuffer(this::scheduleFlush, BUDGET_BYTES);
    private final StreamBuffer stderr = new StreamBuffer(this::scheduleFlush, BUDGET_BYTES);
    private final PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(stderr, true, StandardCharsets.UTF_8);
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "flyte-java-output");
        t.setDaemon(true);
        return t;
    });
    private volatile Message<?> parent;
    private boolean noticeSent;

    public OutputRouter(IOPub iopub, Messages messages) {
        this.iopub = iopub;
        this.messages = messages;
    }

    /** Routes the process's standard streams here (once, at kernel start). */
    public void install() {
        System.setOut(out);
        System.setErr(err);
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    /** The request whose output this is; output after a cell keeps going to the last one. */
    public void parent(Message<?> request) {
        flush();
        synchronized (this) {
            this.parent = request;
            stdout.restartBudget();
            stderr.restartBudget();
            noticeSent = false;
        }
    }

    public Message<?> parent() {
        return parent;
    }

    private void scheduleFlush() {
        if (flushScheduled.compareAndSet(false, true)) {
            flusher.schedule(this::flush, COALESCE_MS, TimeUnit.MILLISECONDS);
        }
    }

    /** Publishes everything written so far (in order: stdout, then stderr). */
    public synchronized void flush() {
        flushScheduled.set(false);
        out.flush();
        err.flush();
        stdout.drain(text -> publish("stdout", text));
        stderr.drain(text -> publish("stderr", text));
        if (!noticeSent && (stdout.dropped() > 0 || stderr.dropped() > 0)) {
            noticeSent = true;
            publish("stderr", "\n[output truncated: this cell wrote more than " + (BUDGET_BYTES >> 20)
                    + " MiB to one stream; the rest of its output is dropped, the cell keeps running]\n");
        }
    }

    private void publish(String name, String text) {
        iopub.send(messages.publish(parent, MessageType.PUBLISH_STREAM, Map.of("name", name, "text", text)));
    }
}
