package dev.flytejava.testkit.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy in front of an HTTP store that breaks transfers halfway: for the first {@code times} HTTP
 * requests of one method it forwards {@code afterBytes} bytes of the request (an upload) or of the response (a
 * download), then closes both sides, as a store that dies mid-transfer would. Everything else passes through.
 * For fault tests of the storage clients; not an HTTP parser: a request is recognised when a read from the client
 * starts with its method, which is how the JDK's HTTP client writes them.
 */
public final class CuttingProxy implements AutoCloseable {

  /** Which half of the exchange is cut. */
  public enum Direction { UPLOAD, DOWNLOAD }

  private final ServerSocket server;
  private final int targetPort;
  private final Direction direction;
  private final String method;
  private final int afterBytes;
  private final int times;
  private final AtomicInteger cuts = new AtomicInteger();

  private CuttingProxy(int targetPort, Direction direction, String method, int afterBytes, int times) throws IOException {
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.targetPort = targetPort;
    this.direction = direction;
    this.method = method;
    this.afterBytes = afterBytes;
    this.times = times;
    Thread acceptor = new Thread(this::accept, "cutting-proxy-" + server.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Cuts the first {@code times} requests of {@code method} ("GET", "PUT") after {@code afterBytes} bytes. */
  public static CuttingProxy start(int targetPort, Direction direction, String method, int afterBytes, int times)
      throws IOException {
    return new CuttingProxy(targetPort, direction, method, afterBytes, times);
  }

  public int port() {
    return server.getLocalPort();
  }

  /** How many transfers were cut so far. */
  public int cuts() {
    return cuts.get();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        Exchange exchange = new Exchange(client, upstream);
        start(() -> exchange.pump(true));
        start(() -> exchange.pump(false));
      } catch (IOException e) {
        // closed, or the store is gone: the client sees its connection fail
      }
    }
  }

  private static void start(Runnable pump) {
    Thread thread = new Thread(pump, "cutting-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  /** One client connection and its upstream; it may carry several requests (keep-alive). */
  private final class Exchange {
    private final Socket client;
    private final Socket upstream;
    /** Whether the request in flight is one to cut (read by both pumps). */
    private volatile boolean cutting;

    Exchange(Socket client, Socket upstream) {
      this.client = client;
      this.upstream = upstream;
    }

    void pump(boolean request) {
      byte[] buffer = new byte[8192];
      long counted = 0;
      try (InputStream in = (request ? client : upstream).getInputStream();
           OutputStream out = (request ? upstream : client).getOutputStream()) {
        int n;
        while ((n = in.read(buffer)) > 0) {
          if (request && beginsRequest(buffer, n)) {
            cutting = startsWith(buffer, n, method + " ") && cuts.get() < times;
            counted = 0;
          }
          if (!request && startsWith(buffer, n, "HTTP/")) counted = 0;
          boolean cutHere = cutting && request == (direction == Direction.UPLOAD);
          if (cutHere && counted + n > afterBytes) {
            out.write(buffer, 0, (int) Math.max(0, afterBytes - counted));
            out.flush();
            cuts.incrementAndGet();
            break;
          }
          counted += n;
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // one side closed: close the other below
      } finally {
        closeQuietly(client);
        closeQuietly(upstream);
      }
    }

    /** Whether this read begins a request: an upper-case method and a space. */
    private boolean beginsRequest(byte[] buffer, int n) {
      int space = 0;
      while (space < n && space < 8 && buffer[space] >= 'A' && buffer[space] <= 'Z') space++;
      return space > 2 && space < n && buffer[space] == ' ';
    }

    private boolean startsWith(byte[] buffer, int n, String prefix) {
      byte[] bytes = prefix.getBytes(StandardCharsets.US_ASCII);
      if (n < bytes.length) return false;
      for (int i = 0; i < bytes.length; i++) if (buffer[i] != bytes[i]) return false;
      return true;
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
