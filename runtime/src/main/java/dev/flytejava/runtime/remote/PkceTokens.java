package dev.flytejava.runtime.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * flytectl's Pkce login (OAuth2 authorization code with PKCE, RFC 7636, for a public client): a listener on the
 * redirect URI FlyteAdmin's public client config names, the authorization URL handed to {@code prompt} (the notebook
 * shows it as a link), the code from the redirect exchanged with the verifier for an access and a refresh token.
 * The access token is cached until shortly before it expires, then refreshed with the refresh token; only when
 * that fails is the user asked to log in again. Errors never show a code, verifier or token.
 */
final class PkceTokens implements TokenSource {
  /** Where to log in: FlyteAdmin's OAuth2 metadata and public client config. */
  record Client(String authorizeUrl, String tokenUrl, String clientId, String redirectUri, List<String> scopes) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Supplier<Client> discover;
  private final HttpClient http;
  private final Clock clock;
  private final Duration loginTimeout;
  private volatile Consumer<String> prompt;
  private Client client;
  private String token;
  private String refresh;
  private Instant expires = Instant.MIN;

  PkceTokens(Supplier<Client> discover, Consumer<String> prompt, HttpClient http, Clock clock, Duration loginTimeout) {
    this.discover = discover;
    this.prompt = prompt;
    this.http = http;
    this.clock = clock;
    this.loginTimeout = loginTimeout;
  }

  /** Where the next login's URL goes (the cell that runs now). */
  void prompt(Consumer<String> where) {
    prompt = where;
  }

  @Override
  public synchronized String token() {
    if (token != null && clock.instant().isBefore(expires)) {
      return token;
    }
    if (client == null) {
      client = discover.get();
    }
    if (refresh != null) {
      String r = refresh;
      refresh = null;
      try {
        take(post("grant_type=refresh_token&client_id=" + enc(client.clientId()) + "&refresh_token=" + enc(r)));
        return token;
      } catch (FlyteRemoteException e) {
        // the refresh token is spent or revoked: log in again
      }
    }
    login();
    return token;
  }

  @Override
  public synchronized void invalidate() {
    token = null;
  }

  private void login() {
    URI redirect = URI.create(client.redirectUri());
    String verifier = random();
    String state = random();
    CompletableFuture<Map<String, String>> answer = new CompletableFuture<>();
    HttpServer listener;
    try {
      listener = HttpServer.create(new InetSocketAddress(InetAddress.getByName(redirect.getHost()), redirect.getPort()), 0);
    } catch (IOException e) {
      throw new FlyteRemoteException("cannot listen on " + redirect + " for the Pkce login (is another login or"
          + " flytectl using port " + redirect.getPort() + "?): " + e.getMessage(), e);
    }
    listener.createContext(redirect.getPath().isEmpty() ? "/" : redirect.getPath(), exchange -> {
      try (exchange) {
        Map<String, String> q = query(exchange.getRequestURI().getRawQuery());
        boolean ok = q.containsKey("code") && state.equals(q.get("state"));
        byte[] page = (ok ? "Logged in to Flyte. You can close this tab."
            : "The Flyte login failed: " + q.getOrDefault("error", "the state did not match")).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(ok ? 200 : 400, page.length);
        exchange.getResponseBody().write(page);
        answer.complete(q);
      }
    });
    listener.start();
    Map<String, String> q;
    try {
      String url = client.authorizeUrl() + "?response_type=code&client_id=" + enc(client.clientId())
          + "&redirect_uri=" + enc(client.redirectUri()) + "&scope=" + enc(String.join(" ", client.scopes()))
          + "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256&state=" + state;
      prompt.accept(url);
      q = answer.get(loginTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new FlyteRemoteException("no Pkce login within " + loginTimeout.toSeconds() + "s: open the login URL shown"
          + " and sign in, then run the cell again");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlyteRemoteException("interrupted while waiting for the Pkce login");
    } catch (ExecutionException e) {
      throw new FlyteRemoteException("the Pkce login failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      listener.stop(0);
    }
    if (!state.equals(q.get("state"))) {
      throw new FlyteRemoteException("the Pkce login's redirect carried another state: a stale or forged redirect");
    }
    if (!q.containsKey("code")) {
      throw new FlyteRemoteException("the authorization server refused the Pkce login of client '" + client.clientId()
          + "': " + q.getOrDefault("error", "no code") + (q.containsKey("error_description") ? " (" + q.get("error_description") + ")" : ""));
    }
    take(post("grant_type=authorization_code&client_id=" + enc(client.clientId()) + "&code=" + enc(q.get("code"))
        + "&redirect_uri=" + enc(client.redirectUri()) + "&code_verifier=" + enc(verifier)));
  }

  private JsonNode post(String form) {
    return OAuthForms.requestToken(http, client.tokenUrl(), form, null, client.clientId(), "");
  }

  private void take(JsonNode body) {
    token = body.get("access_token").asText();
    refresh = body.hasNonNull("refresh_token") ? body.get("refresh_token").asText() : null;
    expires = OAuthForms.renewAt(body, clock);
  }

  private static String challenge(String verifier) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static Map<String, String> query(String raw) {
    return OAuthForms.decode(raw);
  }

  private static String enc(String s) {
    return OAuthForms.encode(s);
  }

  @Override
  public String toString() {
    return "PkceTokens[client=" + (client == null ? "?" : client.clientId()) + "]";
  }
}
