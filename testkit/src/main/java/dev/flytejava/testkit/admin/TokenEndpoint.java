package dev.flytejava.testkit.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small OAuth2 authorization server on a loopback port: {@code POST /oauth2/token} with
 * {@code grant_type=client_credentials} and the client's id and secret (HTTP Basic, or as form fields) answers a
 * random bearer access token with {@code expires_in}; anything else is 400 or 401 with an OAuth2 error. Tokens
 * and secrets are never logged.
 */
final class TokenEndpoint implements AutoCloseable {
  static final String PATH = "/oauth2/token";

  private final AuthSettings settings;
  private final Clock clock;
  private final HttpServer server;
  private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final AtomicInteger issued = new AtomicInteger();

  TokenEndpoint(AuthSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the token endpoint's port on loopback", e);
    }
    server.createContext(PATH, this::handle);
    server.start();
  }

  String issuer() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  String tokenUrl() {
    return issuer() + PATH;
  }

  int tokensIssued() {
    return issued.get();
  }

  /** Null when the token is valid; otherwise why not, for the UNAUTHENTICATED message. */
  String problemWith(String token) {
    Instant expires = tokens.get(token);
    if (expires == null) {
      return "invalid token";
    }
    if (!clock.instant().isBefore(expires)) {
      return "token is expired";
    }
    return null;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("POST")) {
        send(exchange, 405, "{\"error\":\"invalid_request\",\"error_description\":\"POST only\"}");
        return;
      }
      Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      String[] client = basic(exchange.getRequestHeaders().getFirst("Authorization"));
      String id = client != null ? client[0] : form.getOrDefault("client_id", "");
      String secret = client != null ? client[1] : form.getOrDefault("client_secret", "");
      if (!"client_credentials".equals(form.get("grant_type"))) {
        send(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
        return;
      }
      if (!id.equals(settings.clientId()) || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
          settings.clientSecret().getBytes(StandardCharsets.UTF_8))) {
        send(exchange, 401, "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}");
        return;
      }
      byte[] bytes = new byte[32];
      random.nextBytes(bytes);
      String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      tokens.put(token, clock.instant().plus(settings.tokenLifetime()));
      issued.incrementAndGet();
      send(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":"
          + Math.max(1, settings.tokenLifetime().toSeconds()) + ",\"scope\":\"all\"}");
    }
  }

  private static String[] basic(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return null;
    }
    // RFC 6749 2.3.1: both parts are form-urlencoded before Basic encoding
    return new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
        URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
  }

  private static Map<String, String> form(String body) {
    Map<String, String> out = new java.util.HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.getResponseHeaders().add("Cache-Control", "no-store");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
