package dev.flytejava.kernel.wire;

import java.io.InterruptedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.InputReply;
import org.zeromq.ZMQ;

/**
 * Asks the front end for a line of input ({@code input_request} / {@code input_reply}). The socket
 * work runs on a thread of its own: the cell thread that reads {@code System.in} only waits, so
 * interrupting it abandons the request without touching the socket.
 */
public final class Stdin {

    private final ZMQ.Context context;
    private final StdinChannel channel;
    private final Messages messages;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "flyte-java-stdin");
        t.setDaemon(true);
        return t;
    });

    Stdin(ZMQ.Context context, HMACGenerator hmac, Messages messages) {
        this.context = context;
        this.channel = new StdinChannel(context, hmac);
        this.messages = messages;
    }

    void bind(KernelConnectionProperties props) {
        channel.bind(props);
    }

    /** Sends an input request on behalf of {@code parent} and waits for the user's line. */
    public String readLine(Message<?> parent, String prompt, boolean password) throws InterruptedIOException {
        AtomicBoolean abandoned = new AtomicBoolean();
        CompletableFuture<String> line = new CompletableFuture<>();
        worker.execute(() -> {
            try {
                line.complete(ask(parent, prompt, password, abandoned));
            } catch (RuntimeException e) {
                line.completeExceptionally(e);
            }
        });
        try {
            return line.get();
        } catch (InterruptedException e) {
            abandoned.set(true);
            throw new InterruptedIOException("Reading input was interrupted");
        } catch (ExecutionException e) {
            throw new IllegalStateException("Reading input failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private String ask(Message<?> parent, String prompt, boolean password, AtomicBoolean abandoned) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("prompt", prompt);
        content.put("password", password);
        ZMQ.Poller p = context.poller(1);
        p.register(channel, ZMQ.Poller.POLLIN);
        try {
            // what waits on the socket before we ask cannot be the answer: stale or hostile, it is dropped
            while (p.poll(0) > 0 && p.pollin(0)) readOrNull();
            channel.sendMessage(messages.reply(parent, MessageType.INPUT_REQUEST, content));
            while (!abandoned.get()) {
                if (p.poll(100) <= 0 || !p.pollin(0)) continue;
                Message<?> reply = readOrNull();
                if (reply != null && reply.getContent() instanceof InputReply input) return input.getValue();
            }
            return "";
        } finally {
            p.close();
        }
    }

    /** The next message, or {@code null} when it is forged or malformed (dropped like on the shell channel). */
    private Message<?> readOrNull() {
        try {
            return channel.readMessage();
        } catch (RuntimeException e) {
            return null;
        }
    }

    void close() {
        worker.shutdown();
        channel.close();
    }
}
