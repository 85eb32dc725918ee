package dev.flytejava.kernel.wire;

import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/** Echoes every heartbeat ping at once (a blocking receive, where jjava's loop sleeps 500 ms). */
final class Heartbeat {

    private final ZMQ.Socket socket;
    private volatile boolean running = true;
    private final Thread thread;

    Heartbeat(ZMQ.Context context, String address) {
        socket = context.socket(SocketType.REP);
        socket.setReceiveTimeOut(200);
        socket.bind(address);
        thread = new Thread(this::serve, "flyte-java-heartbeat");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void serve() {
        while (running) {
            try {
                byte[] ping = socket.recv();
                if (ping != null) socket.send(ping);
            } catch (RuntimeException e) {
                if (!running) break;
            }
        }
        socket.close();
    }

    void close() {
        running = false;
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
