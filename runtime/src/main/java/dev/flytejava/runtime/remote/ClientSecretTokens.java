package dev.flytejava.runtime.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;

/**
 * OAuth2 client credentials, as flytectl's ClientSecret: the token endpoint comes from FlyteAdmin's
 * AuthMetadataService, the client authenticates with HTTP Basic. The token is cached until shortly before
 * {@code expires_in}. Errors name the client and the endpoint, never the secret or a token.
 */
final class ClientSecretTokens implements TokenSource {
  private static final Duration EARLY = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Supplier<String> tokenEndpoint;
  private final String clientId;
  private final Supplier<String> secret;
  private final List<String> scopes;
  private final HttpClient http;
  private final Clock clock;
  private String token;
  private Instant expires = Instant.MIN;

  ClientSecretTokens(Supplier<String> tokenEndpoint, String clientId, Supplier<String> secret, List<String> scopes,
      HttpClient http, Clock clock) {
    this.tokenEndpoint = tokenEndpoint;
    this.clientId = clientId;
    this.secret = secret;
    this.scopes = scopes;
    this.http = http;
    this.clock = clock;
  }

  @Override
  public synchronized String token() {
    if (token == null || !clock.instant().isBefore(expires)) {
      fetch();
    }
    return token;
  }

  @Override
  public synchronized void invalidate() {
    token = null;
  }

  private void fetch() {
    String url = tokenEndpoint.get();
    String basic = Base64.getEncoder().encodeToString(
        (enc(clientId) + ":" + enc(secret.get())).getBytes(StandardCharsets.UTF_8));
    String form = "grant_type=client_credentials" + (scopes.isEmpty() ? "" : "&scope=" + enc(String.join(" ", scopes)));
    HttpResponse<String> reply;
    try {
      reply = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
          .header("Authorization", "Basic " + basic)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("Accept", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new FlyteRemoteException("cannot reach the token endpoint " + url + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlyteRemoteException("interrupted while asking " + url + " for a token");
    }
    JsonNode body = parse(reply.body());
    if (reply.statusCode() != 200 || body == null || !body.hasNonNull("access_token")) {
      String error = body != null && body.hasNonNull("error") ? body.get("error").asText() : "HTTP " + reply.statusCode();
      throw new FlyteRemoteException("the token endpoint " + url + " refused client '" + clientId + "': " + error
          + (error.equals("invalid_client") ? " (check admin.clientId and the client secret)" : ""));
    }
    token = body.get("access_token").asText();
    long seconds = body.path("expires_in").asLong(3600);
    expires = clock.instant().plusSeconds(seconds).minus(seconds > 2 * EARLY.toSeconds() ? EARLY : Duration.ZERO);
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "ClientSecretTokens[client=" + clientId + "]";
  }
}
