package dev.flytejava.kernel.wire;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.dflib.jjava.jupyter.channels.IOPubChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZMQ;

/**
 * The IOPub channel behind a queue: any thread may {@link #send}, one publisher thread writes to
 * the socket in order. Cell threads can be interrupted or stopped by an interrupt request, and a
 * ZeroMQ socket written from an interrupted thread can lose its signalling pipe, so they never
 * write to it themselves.
 */
public final class IOPub {

    private static final Logger LOG = LoggerFactory.getLogger(IOPub.class);
    private static final Object STOP = new Object();

    private final IOPubChannel channel;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Thread thread;

    IOPub(ZMQ.Context context, HMACGenerator hmac) {
        channel = new IOPubChannel(context, hmac);
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
                next = queue.take();
            } catch (InterruptedException e) {
                continue; // only close() ends the publisher
            }
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

    void close() {
        queue.add(STOP);
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
