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
 *
 * <p>For PKCE (RFC 7636), {@code GET /oauth2/authorize} stands in for the login page of a user who consents at
 * once: for the public client, a loopback redirect URI (any port, RFC 8252) on the configured path and an S256 code
 * challenge, it redirects with a one-time code. The token endpoint exchanges that code, with the verifier, for an
 * access token and a refresh token; a refresh token is good for one new pair.
 */
final class TokenEndpoint implements AutoCloseable {
  static final String PATH = "/oauth2/token";
  static final String AUTHORIZE = "/oauth2/authorize";

  /** What an authorization code was issued for. */
  private record Grant(String redirectUri, String challenge) {}

  private final AuthSettings settings;
  private final Clock clock;
  private final HttpServer server;
  private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final AtomicInteger issued = new AtomicInteger();
  private final Map<String, Grant> codes = new ConcurrentHashMap<>();
  private final Map<String, Boolean> refreshTokens = new ConcurrentHashMap<>();
  private final AtomicInteger logins = new AtomicInteger();

  TokenEndpoint(AuthSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the token endpoint's port on loopback", e);
    }
    server.createContext(PATH, this::handle);
    server.createContext(AUTHORIZE, this::authorize);
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

  /** How many PKCE logins (authorization requests that were granted) there were. */
  int logins() {
    return logins.get();
  }

  String redirectUri() {
    return settings.redirectUri();
  }

  private void authorize(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> q = form(exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery());
      java.net.URI redirect;
      try {
        redirect = java.net.URI.create(q.getOrDefault("redirect_uri", ""));
      } catch (IllegalArgumentException e) {
        redirect = null;
      }
      java.net.URI registered = java.net.URI.create(settings.redirectUri());
      if (redirect == null || !"http".equals(redirect.getScheme()) || !isLoopback(redirect.getHost())
          || !registered.getPath().equals(redirect.getPath())) {
        send(exchange, 400, "{\"error\":\"invalid_request\",\"error_description\":\"redirect_uri must be a loopback http URI"
            + " with path " + registered.getPath() + "\"}");
        return;
      }
      String error = !"code".equals(q.get("response_type")) ? "unsupported_response_type"
          : !AuthSettings.PUBLIC_CLIENT.equals(q.get("client_id")) ? "unauthorized_client"
          : !"S256".equals(q.get("code_challenge_method")) || q.getOrDefault("code_challenge", "").isEmpty()
              ? "invalid_request" : null;
      String back;
      if (error != null) {
        back = "error=" + error;
      } else {
        String code = randomToken();
        codes.put(code, new Grant(q.get("redirect_uri"), q.get("code_challenge")));
        logins.incrementAndGet();
        back = "code=" + code;
      }
      String state = q.get("state");
      String location = q.get("redirect_uri") + "?" + back + (state == null ? "" : "&state="
          + dev.flytejava.runtime.remote.OAuthForms.encode(state));
      exchange.getResponseHeaders().add("Location", location);
      exchange.sendResponseHeaders(302, -1);
    }
  }

  private static boolean isLoopback(String host) {
    return "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
  }

  private String randomToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
      String grantType = form.getOrDefault("grant_type", "");
      if (grantType.equals("authorization_code") || grantType.equals("refresh_token")) {
        publicClient(exchange, form, grantType);
        return;
      }
      if (!"client_credentials".equals(grantType)) {
        send(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
        return;
      }
      if (!id.equals(settings.clientId()) || !MessageDigest.isEqual(secret.getBytes(StandardCharsets.UTF_8),
          settings.clientSecret().getBytes(StandardCharsets.UTF_8))) {
        send(exchange, 401, "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}");
        return;
      }
      send(exchange, 200, issue(null));
    }
  }

  /** The PKCE client's grants: a code with its verifier, or a refresh token, each good once. */
  private void publicClient(HttpExchange exchange, Map<String, String> form, String grantType) throws IOException {
    if (!AuthSettings.PUBLIC_CLIENT.equals(form.get("client_id"))) {
      send(exchange, 401, "{\"error\":\"invalid_client\"}");
      return;
    }
    if (grantType.equals("refresh_token")) {
      if (refreshTokens.remove(form.getOrDefault("refresh_token", "")) == null) {
        send(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"unknown or used refresh token\"}");
        return;
      }
      send(exchange, 200, issue(randomToken()));
      return;
    }
    Grant grant = codes.remove(form.getOrDefault("code", ""));
    String verifier = form.getOrDefault("code_verifier", "");
    String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
        sha256(verifier.getBytes(StandardCharsets.US_ASCII)));
    if (grant == null || !grant.redirectUri().equals(form.get("redirect_uri"))
        || !MessageDigest.isEqual(challenge.getBytes(StandardCharsets.US_ASCII),
            grant.challenge().getBytes(StandardCharsets.US_ASCII))) {
      send(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"unknown code, or the verifier"
          + " or redirect_uri does not match\"}");
      return;
    }
    send(exchange, 200, issue(randomToken()));
  }

  /** A new access token, with {@code refresh} as its refresh token when not null. */
  private String issue(String refresh) {
    String token = randomToken();
    tokens.put(token, clock.instant().plus(settings.tokenLifetime()));
    issued.incrementAndGet();
    if (refresh != null) {
      refreshTokens.put(refresh, Boolean.TRUE);
    }
    return "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":"
        + Math.max(1, settings.tokenLifetime().toSeconds()) + ",\"scope\":\"all\""
        + (refresh == null ? "" : ",\"refresh_token\":\"" + refresh + "\"") + "}";
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
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
    return dev.flytejava.runtime.remote.OAuthForms.decode(body);
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
