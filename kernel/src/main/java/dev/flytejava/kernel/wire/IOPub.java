package dev.flytejava.kernel.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.google.gson.Gson;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * The IOPub channel behind a queue: any thread may {@link #send}, one publisher thread writes to
 * the socket in order. Cell threads can be interrupted or stopped by an interrupt request, and a
 * ZeroMQ socket written from an interrupted thread can lose its signalling pipe, so they never
 * write to it themselves.
 *
 * <p>The socket is an XPUB, so the publisher also sees each subscription and answers it with an
 * {@code iopub_welcome} message (JEP 65), which tells a client its subscription is live. A send can
 * itself attach a new subscriber, so one message may reach it before its welcome when it joins
 * while messages flow; never more, since subscriptions are read before every send. (JeroMQ 0.6.0's
 * XPUB_MANUAL, which would close that gap, is known broken.)
 */
public final class IOPub {

    private static final Logger LOG = LoggerFactory.getLogger(IOPub.class);
    private static final Object STOP = new Object();
    private static final Gson GSON = new Gson();
    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.US_ASCII);
    private static final byte SUBSCRIBE = 1;

    private final Channel channel;
    private final HMACGenerator hmac;
    private final Messages messages;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread thread;

    IOPub(ZMQ.Context context, HMACGenerator hmac, Messages messages) {
        this.channel = new Channel(context, hmac);
        this.hmac = hmac;
        this.messages = messages;
        thread = new Thread(this::publish, "flyte-java-iopub");
        thread.setDaemon(true);
    }

    void bind(KernelConnectionProperties props) {
        channel.bind(props);
        thread.start();
    }

    public void send(Message<?> message) {
        queue.add(message);
    }

    /** Waits until everything sent before this call has been written to the socket. */
    public void flush() {
        CountDownLatch written = new CountDownLatch(1);
        queue.add(written);
        try {
            if (!written.await(5, TimeUnit.SECONDS)) LOG.warn("IOPub flush timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void publish() {
        while (true) {
            Object next;
            try {
                // not take(): subscriptions are answered while idle too
                next = queue.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                continue; // only close() ends the publisher
            }
            // Also right before every send: a send processes the socket's pending commands, which can
            // attach a new subscriber, and that subscriber's welcome must come before this message.
            welcomeSubscribers();
            if (next == null) continue;
            if (next == STOP) break;
            if (next instanceof CountDownLatch latch) {
                latch.countDown();
                continue;
            }
            try {
                channel.sendMessage((Message<?>) next);
            } catch (RuntimeException e) {
                LOG.warn("IOPub send failed: {}", e.toString());
            }
        }
        channel.close();
    }

    /** Answers every subscription the socket has received so far; unsubscriptions need no answer. */
    private void welcomeSubscribers() {
        try {
            byte[] frame;
            while ((frame = channel.recv(ZMQ.DONTWAIT)) != null) {
                if (frame.length > 0 && frame[0] == SUBSCRIBE) welcome(frame);
            }
        } catch (RuntimeException e) {
            LOG.warn("IOPub subscription read failed: {}", e.toString());
        }
    }

    /** Publishes {@code iopub_welcome} to the subscription {@code frame} (1, then the topic) names, as ipykernel does. */
    private void welcome(byte[] frame) {
        String topic;
        try {
            topic = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(frame, 1, frame.length - 1)).toString();
        } catch (CharacterCodingException e) {
            return; // the content could not name it (ipykernel skips these too)
        }
        byte[] header = GSON.toJson(messages.header("iopub_welcome")).getBytes(StandardCharsets.UTF_8);
        byte[] content = GSON.toJson(Map.of("subscription", topic)).getBytes(StandardCharsets.UTF_8);
        String signature = hmac.calculateSignature(header, EMPTY_OBJECT, EMPTY_OBJECT, content);
        // the topic is the first frame, so the subscriber it answers receives it ("" matches everything)
        if (frame.length > 1) channel.sendMore(Arrays.copyOfRange(frame, 1, frame.length));
        channel.sendMore(DELIMITER);
        channel.sendMore(signature.getBytes(StandardCharsets.US_ASCII));
        channel.sendMore(header);
        channel.sendMore(EMPTY_OBJECT); // parent_header
        channel.sendMore(EMPTY_OBJECT); // metadata
        channel.send(content);
    }

    void close() {
        queue.add(STOP);
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** JJava's message signing and framing on an XPUB socket, whose subscriptions can be read. */
    private static final class Channel extends JupyterSocket {

        Channel(ZMQ.Context context, HMACGenerator hmac) {
            super(context, SocketType.XPUB, hmac, LOG);
            setXpubVerbose(true); // every subscription, not only a topic's first, so every subscriber is welcomed
        }

        @Override
        public void bind(KernelConnectionProperties props) {
            bind(formatAddress(props.getTransport(), props.getIp(), props.getIopubPort()));
        }
    }
}
