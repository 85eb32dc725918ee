package dev.flytejava.runtime.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * OAuth2's wire form, shared by the client's grants and the testkit's authorization server: form and query
 * encoding, a token request, and when its access token should be taken as expired. Messages never carry a secret,
 * code or token.
 */
public final class OAuthForms {
  private static final Duration EARLY = Duration.ofSeconds(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private OAuthForms() {}

  public static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** {@code a=1&b=x%20y} (a form body or a raw query; null is empty) as a map of decoded names and values. */
  public static Map<String, String> decode(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  /**
   * POSTs {@code form} to the token endpoint {@code url} (with HTTP Basic {@code basic} when not null) and gives the
   * JSON answer, which has an access token; a refusal names the endpoint, the client and OAuth2's error, followed by
   * {@code invalidClientHint} when the error is {@code invalid_client}.
   */
  static JsonNode requestToken(HttpClient http, String url, String form, String basic, String clientId,
      String invalidClientHint) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    if (basic != null) {
      request.header("Authorization", "Basic " + basic);
    }
    HttpResponse<String> reply;
    try {
      reply = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new FlyteRemoteException("cannot reach the token endpoint " + url + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlyteRemoteException("interrupted while asking " + url + " for a token");
    }
    JsonNode body;
    try {
      body = JSON.readTree(reply.body());
    } catch (IOException e) {
      body = null;
    }
    if (reply.statusCode() != 200 || body == null || !body.hasNonNull("access_token")) {
      String error = body != null && body.hasNonNull("error") ? body.get("error").asText() : "HTTP " + reply.statusCode();
      throw new FlyteRemoteException("the token endpoint " + url + " refused client '" + clientId + "': " + error
          + (error.equals("invalid_client") ? invalidClientHint : ""));
    }
    return body;
  }

  /** When a token answered with {@code body}'s {@code expires_in} (default an hour) is to be renewed: a bit early. */
  static Instant renewAt(JsonNode body, Clock clock) {
    long seconds = body.path("expires_in").asLong(3600);
    return clock.instant().plusSeconds(seconds).minus(seconds > 2 * EARLY.toSeconds() ? EARLY : Duration.ZERO);
  }
}
