package dev.flytejava.kernel.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;

/**
 * The shell or control channel with a loop of our own: it blocks in {@code poll} (so a request is
 * read the moment it arrives, where jjava's loop sleeps 50 ms between polls), and it survives bad
 * input: a message with a wrong HMAC signature (jjava throws {@link SecurityException} from
 * {@code readMessage}) is dropped without a reply, and a handler's exception is logged, never
 * allowed to end the thread. Only this channel's own thread reads from or writes to the socket.
 */
public final class RequestChannel extends ShellChannel {

    private static final Logger LOG = LoggerFactory.getLogger(RequestChannel.class);
    /** How long one poll blocks; bounds only how fast {@link #close} is noticed, not latency. */
    private static final long POLL_MS = 200;

    private final String name;
    private final boolean control;
    private final RequestHandler handler;
    private volatile boolean running;
    private Thread thread;
    private ZMQ.Poller poller;

    public RequestChannel(ZMQ.Context context, HMACGenerator hmac, boolean control, RequestHandler handler) {
        super(context, hmac, control, null);
        this.name = control ? "control" : "shell";
        this.control = control;
        this.handler = handler;
    }

    @Override
    public void bind(KernelConnectionProperties props) {
        if (thread != null) throw new IllegalStateException("Channel [" + name + "] is already bound");
        super.bind(formatAddress(props.getTransport(), props.getIp(), control ? props.getControlPort() : props.getShellPort()));
    }

    /** Starts serving requests on a thread of this channel's own. */
    public void start() {
        poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        running = true;
        thread = new Thread(this::serve, "flyte-java-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void serve() {
        while (running) {
            try {
                if (poller.poll(POLL_MS) > 0 && poller.pollin(0)) handleNext();
            } catch (RuntimeException e) {
                if (!running) break;
                LOG.warn("{} channel: {}", name, e.toString());
            }
        }
    }

    /** Reads and handles one message, unless it was dropped. */
    private void handleNext() {
        Message<?> request = readSigned();
        if (request == null) return;
        try {
            handler.handle(this, request);
        } catch (Exception e) {
            LOG.warn("{} channel: handling [{}] failed", name, request.getHeader().getType().getName(), e);
        }
    }

    /** The next message, or {@code null} when there is none or its signature is invalid (then it is dropped). */
    private Message<?> readSigned() {
        try {
            return readMessage();
        } catch (SecurityException e) {
            LOG.warn("{} channel: dropped a message with an invalid signature", name);
            return null;
        }
    }

    /**
     * Reads the messages already waiting, without blocking, then gives each to {@code each}; used
     * to abort the execute requests queued behind a failed cell. All are read before any is
     * handled, so a request a client sends after seeing those replies is not caught up in it.
     * Runs only on this channel's own thread.
     */
    public void drainPending(Consumer<Message<?>> each) {
        List<Message<?>> waiting = new ArrayList<>();
        while (poller.poll(0) > 0 && poller.pollin(0)) {
            Message<?> request = readSigned();
            if (request != null) waiting.add(request);
        }
        waiting.forEach(each);
    }

    public String channelName() {
        return name;
    }

    @Override
    public void close() {
        running = false;
        if (thread != null && Thread.currentThread() != thread) {
            try {
                thread.join(2 * POLL_MS + 100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        super.close();
    }

    @Override
    public void waitUntilClose() {
        Thread t = thread;
        if (t == null) return;
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
