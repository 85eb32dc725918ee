package dev.flytejava.testkit.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.flytejava.runtime.storage.ObjectNotFoundException;
import dev.flytejava.runtime.storage.Storage;
import dev.flytejava.runtime.storage.StorageException;
import dev.flytejava.runtime.storage.StorageUri;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The HTTP side of the data proxy on a loopback port: presigned PUTs and GETs of objects under the testkit's
 * storage, checked as S3 checks them (the signature and expiry, then the body's MD5 against Content-MD5:
 * 400 BadDigest when they differ, 403 for a bad or expired signature).
 */
final class ObjectEndpoint implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "testkit-object-endpoint");
    t.setDaemon(true);
    return t;
  });
  private final Storage storage;
  private final StorageUri root;
  private final SignedUrls signer = new SignedUrls();

  ObjectEndpoint(Storage storage, StorageUri root) {
    this.storage = storage;
    this.root = root;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the data proxy's HTTP port on loopback", e);
    }
    server.createContext("/objects/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** A URL that lets one PUT of this body (its base64 MD5; empty for any body) to the object until it expires. */
  String uploadUrl(StorageUri object, Instant expires, String contentMd5) {
    return url(object, expires, contentMd5);
  }

  String downloadUrl(StorageUri object, Instant expires) {
    return url(object, expires, "");
  }

  private String url(StorageUri object, Instant expires, String md5) {
    String key = object.toString();
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/objects/?key=" + enc(key) + "&expires="
        + expires.getEpochSecond() + "&md5=" + enc(md5) + "&signature=" + signer.sign(key, expires, md5);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
      String key = q.getOrDefault("key", "");
      String md5 = q.getOrDefault("md5", "");
      Instant expires;
      try {
        expires = Instant.ofEpochSecond(Long.parseLong(q.getOrDefault("expires", "0")));
      } catch (NumberFormatException e) {
        expires = Instant.EPOCH;
      }
      if (!signer.valid(key, expires, md5, q.getOrDefault("signature", ""))) {
        send(exchange, 403, "SignatureDoesNotMatch");
        return;
      }
      if (Instant.now().isAfter(expires)) {
        send(exchange, 403, "AccessDenied: Request has expired");
        return;
      }
      StorageUri object = StorageUri.parse(key);
      if (!root.contains(object)) {
        send(exchange, 403, "AccessDenied");
        return;
      }
      switch (exchange.getRequestMethod()) {
        case "PUT": put(exchange, object, md5); break;
        case "GET": get(exchange, object); break;
        default: send(exchange, 405, "MethodNotAllowed");
      }
    }
  }

  private void put(HttpExchange exchange, StorageUri object, String signedMd5) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readAllBytes();
    }
    String header = exchange.getRequestHeaders().getFirst("Content-MD5");
    if (!signedMd5.isEmpty() && !signedMd5.equals(header)) {
      send(exchange, 403, "SignatureDoesNotMatch: the URL was signed for Content-MD5 " + signedMd5);
      return;
    }
    if (header != null && !header.equals(md5(body))) {
      send(exchange, 400, "BadDigest: The Content-MD5 you specified did not match what we received.");
      return;
    }
    try {
      storage.write(object, body);
    } catch (StorageException e) {
      send(exchange, 500, "InternalError: " + e.getMessage());
      return;
    }
    exchange.getResponseHeaders().add("ETag", "\"" + hex(body) + "\"");
    send(exchange, 200, "");
  }

  private void get(HttpExchange exchange, StorageUri object) throws IOException {
    byte[] body;
    try {
      body = storage.read(object);
    } catch (ObjectNotFoundException e) {
      send(exchange, 404, "NoSuchKey");
      return;
    } catch (StorageException e) {
      send(exchange, 500, "InternalError: " + e.getMessage());
      return;
    }
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
  }

  static String md5(byte[] body) {
    return Base64.getEncoder().encodeToString(digest(body));
  }

  private static String hex(byte[] body) {
    StringBuilder out = new StringBuilder();
    for (byte b : digest(body)) {
      out.append(String.format("%02x", b));
    }
    return out.toString();
  }

  private static byte[] digest(byte[] body) {
    try {
      return MessageDigest.getInstance("MD5").digest(body);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is part of every JDK", e);
    }
  }

  private static void send(HttpExchange exchange, int status, String message) throws IOException {
    byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
  }

  private static Map<String, String> query(String raw) {
    return dev.flytejava.runtime.remote.OAuthForms.decode(raw);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
