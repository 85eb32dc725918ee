package dev.flytejava.testkit.admin;

import java.time.Duration;
import java.util.Objects;

/**
 * The testkit's auth, when switched on: one confidential client (id and secret) that the token endpoint accepts
 * for the client-credentials grant, and how long its access tokens live (short, so tests can see one expire).
 * {@link #toString()} never shows the secret.
 */
public record AuthSettings(String clientId, String clientSecret, Duration tokenLifetime) {
  public AuthSettings {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    Objects.requireNonNull(tokenLifetime, "tokenLifetime");
    if (clientId.isBlank() || clientSecret.isBlank()) {
      throw new IllegalArgumentException("auth needs a client id and a secret, both non-empty");
    }
    if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
      throw new IllegalArgumentException("tokenLifetime must be positive, got " + tokenLifetime);
    }
  }

  public static AuthSettings clientCredentials(String clientId, String clientSecret) {
    return new AuthSettings(clientId, clientSecret, Duration.ofHours(1));
  }

  public AuthSettings withTokenLifetime(Duration lifetime) {
    return new AuthSettings(clientId, clientSecret, lifetime);
  }

  @Override
  public String toString() {
    return "AuthSettings[clientId=" + clientId + ", clientSecret=(hidden), tokenLifetime=" + tokenLifetime + "]";
  }
}
