package dev.flytejava.runtime.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
    String basic = Base64.getEncoder().encodeToString(
        (enc(clientId) + ":" + enc(secret.get())).getBytes(StandardCharsets.UTF_8));
    String form = "grant_type=client_credentials" + (scopes.isEmpty() ? "" : "&scope=" + enc(String.join(" ", scopes)));
    JsonNode body = OAuthForms.requestToken(http, tokenEndpoint.get(), form, basic, clientId,
        " (check admin.clientId and the client secret)");
    token = body.get("access_token").asText();
    expires = OAuthForms.renewAt(body, clock);
  }

  private static String enc(String s) {
    return OAuthForms.encode(s);
  }

  @Override
  public String toString() {
    return "ClientSecretTokens[client=" + clientId + "]";
  }
}
