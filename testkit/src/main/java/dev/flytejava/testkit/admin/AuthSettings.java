package dev.flytejava.testkit.admin;

import java.time.Duration;
import java.util.Objects;

/**
 * The testkit's auth, when switched on: one confidential client (id and secret) that the token endpoint accepts
 * for the client-credentials grant, how long its access tokens live (short, so tests can see one expire), and the
 * redirect URI FlyteAdmin's public client config names for the PKCE login of {@value #PUBLIC_CLIENT} (flytectl's
 * {@code http://localhost:53593/callback} by default). {@link #toString()} never shows the secret.
 */
public record AuthSettings(String clientId, String clientSecret, Duration tokenLifetime, String redirectUri) {
  /** The public client that logs in with PKCE, as FlyteAdmin names flytectl's. */
  public static final String PUBLIC_CLIENT = "flytectl";

  public AuthSettings {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    Objects.requireNonNull(tokenLifetime, "tokenLifetime");
    if (clientId.isBlank() || clientSecret.isBlank()) {
      throw new IllegalArgumentException("auth needs a client id and a secret, both non-empty");
    }
    Objects.requireNonNull(redirectUri, "redirectUri");
    if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
      throw new IllegalArgumentException("tokenLifetime must be positive, got " + tokenLifetime);
    }
  }

  public static AuthSettings clientCredentials(String clientId, String clientSecret) {
    return new AuthSettings(clientId, clientSecret, Duration.ofHours(1), "http://localhost:53593/callback");
  }

  public AuthSettings withTokenLifetime(Duration lifetime) {
    return new AuthSettings(clientId, clientSecret, lifetime, redirectUri);
  }

  public AuthSettings withRedirectUri(String uri) {
    return new AuthSettings(clientId, clientSecret, tokenLifetime, uri);
  }

  @Override
  public String toString() {
    return "AuthSettings[clientId=" + clientId + ", clientSecret=(hidden), tokenLifetime=" + tokenLifetime + "]";
  }
}
