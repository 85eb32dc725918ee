package dev.flytejava.kernel.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * {@code iopub_welcome} message (JEP 65), which tells a client its subscription is live. Sending
 * processes the socket's pending commands, which can attach a new subscriber, and then the message
 * would reach it before its welcome. So the publisher reads the subscriptions (which processes those
 * commands too) right before each send, with the message already framed: jjava frames and signs it
 * on an inproc pair, and the publisher forwards the frames. A subscriber attached in the few
 * microseconds left between the two can still get that one message first. (JeroMQ 0.6.0's
 * XPUB_MANUAL, which would close the gap, is known broken.)
 */
public final class IOPub {

    private static final Logger LOG = LoggerFactory.getLogger(IOPub.class);
    private static final Object STOP = new Object();
    private static final Gson GSON = new Gson();
    private static final byte[] DELIMITER = "<IDS|MSG>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.US_ASCII);
    private static final byte SUBSCRIBE = 1;

    private final ZMQ.Socket socket;
    private final Framer framer;
    private final ZMQ.Socket framed;
    private final HMACGenerator hmac;
    private final Messages messages;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread thread;

    IOPub(ZMQ.Context context, HMACGenerator hmac, Messages messages) {
        socket = context.socket(SocketType.XPUB);
        socket.setXpubVerbose(true); // every subscription, not only a topic's first, so every subscriber is welcomed
        String pair = "inproc://flyte-java-iopub-" + UUID.randomUUID();
        framer = new Framer(context, hmac, pair);
        framed = context.socket(SocketType.PAIR);
        framed.setLinger(0);
        framed.connect(pair);
        this.hmac = hmac;
        this.messages = messages;
        thread = new Thread(this::publish, "flyte-java-iopub");
        thread.setDaemon(true);
    }

    void bind(KernelConnectionProperties props) {
        socket.bind(props.getTransport() + "://" + props.getIp() + ":" + props.getIopubPort());
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
            if (next == null) {
                welcomeSubscribers();
                continue;
            }
            if (next == STOP) break;
            if (next instanceof CountDownLatch latch) {
                latch.countDown();
                continue;
            }
            try {
                List<byte[]> frames = frame((Message<?>) next);
                welcomeSubscribers(); // last, right before the send (see the class comment)
                for (int i = 0; i < frames.size(); i++) socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
            } catch (RuntimeException e) {
                LOG.warn("IOPub send failed: {}", e.toString());
            }
        }
        framer.close();
        framed.close();
        socket.close();
    }

    /** The wire frames of {@code message}, as jjava writes them. */
    private List<byte[]> frame(Message<?> message) {
        framer.sendMessage(message);
        List<byte[]> frames = new ArrayList<>();
        do {
            frames.add(framed.recv());
        } while (framed.hasReceiveMore());
        return frames;
    }

    /** Answers every subscription the socket has received so far; unsubscriptions need no answer. */
    private void welcomeSubscribers() {
        try {
            byte[] frame;
            while ((frame = socket.recv(ZMQ.DONTWAIT)) != null) {
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
        if (frame.length > 1) socket.sendMore(Arrays.copyOfRange(frame, 1, frame.length));
        socket.sendMore(DELIMITER);
        socket.sendMore(signature.getBytes(StandardCharsets.US_ASCII));
        socket.sendMore(header);
        socket.sendMore(EMPTY_OBJECT); // parent_header
        socket.sendMore(EMPTY_OBJECT); // metadata
        socket.send(content);
    }

    void close() {
        queue.add(STOP);
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** JJava's message signing and framing, onto the inproc pair the publisher reads the frames from. */
    private static final class Framer extends JupyterSocket {

        Framer(ZMQ.Context context, HMACGenerator hmac, String pair) {
            super(context, SocketType.PAIR, hmac, LOG);
            setLinger(0);
            bind(pair);
        }

        @Override
        public void bind(KernelConnectionProperties props) {
            throw new UnsupportedOperationException("bound to its inproc pair");
        }
    }
}
