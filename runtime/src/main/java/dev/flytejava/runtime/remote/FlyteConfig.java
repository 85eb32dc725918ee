package dev.flytejava.runtime.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code admin:} section of flytectl's config ({@code ~/.flyte/config.yaml}, or the file named by
 * {@code FLYTECTL_CONFIG}), with flytectl's key names. Holds where a secret is, never the secret itself, so it can be
 * printed.
 */
public record FlyteConfig(
    String endpoint,
    boolean insecure,
    boolean insecureSkipVerify,
    String caCertFilePath,
    AuthType authType,
    String clientId,
    String clientSecretLocation,
    String clientSecretEnvVar,
    List<String> scopes,
    List<String> command) {

  /** flytectl's {@code admin.authType} values. */
  public enum AuthType { CLIENT_SECRET, PKCE, EXTERNAL_COMMAND, NONE }

  /** The keys {@link #with} accepts, as they are spelled under {@code admin:}. */
  public static final List<String> KEYS = List.of("endpoint", "insecure", "insecureSkipVerify", "caCertFilePath",
      "authType", "clientId", "clientSecretLocation", "clientSecretEnvVar", "scopes", "command");

  public FlyteConfig {
    scopes = List.copyOf(scopes);
    command = List.copyOf(command);
  }

  public static FlyteConfig empty() {
    return new FlyteConfig(null, false, false, null, AuthType.NONE, null, null, null, List.of(), List.of());
  }

  /** The file flytectl reads: {@code FLYTECTL_CONFIG} if set, else {@code ~/.flyte/config.yaml}. */
  public static Optional<Path> defaultFile(Map<String, String> env) {
    String named = env.get("FLYTECTL_CONFIG");
    if (named != null && !named.isBlank()) {
      return Optional.of(Path.of(named));
    }
    Path home = Path.of(System.getProperty("user.home"), ".flyte", "config.yaml");
    return Files.isRegularFile(home) ? Optional.of(home) : Optional.empty();
  }

  /** The default file's config, or {@link #empty()} when there is none. */
  public static FlyteConfig load(Map<String, String> env) {
    return defaultFile(env).map(FlyteConfig::read).orElse(empty());
  }

  public static FlyteConfig read(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    } catch (IOException e) {
      throw new FlyteRemoteException("cannot read the Flyte config " + file + ": " + e.getMessage(), e);
    }
    JsonNode admin = root == null ? null : root.get("admin");
    FlyteConfig config = empty();
    if (admin == null || !admin.isObject()) {
      return config;
    }
    for (var it = admin.fields(); it.hasNext(); ) {
      var field = it.next();
      if (!KEYS.contains(field.getKey())) {
        continue; // flytectl has many more admin keys (timeouts, proxy, ...); those are not ours to judge
      }
      JsonNode value = field.getValue();
      String text = value.isArray() ? joined(value) : value.asText();
      config = config.with(field.getKey(), text, "in " + file);
    }
    return config;
  }

  private static String joined(JsonNode array) {
    List<String> parts = new ArrayList<>();
    array.forEach(v -> parts.add(v.asText()));
    return String.join(",", parts);
  }

  /** This config with one {@code admin.KEY} replaced ({@code %flyte config KEY=VALUE}); lists are comma separated. */
  public FlyteConfig with(String key, String value, String where) {
    String v = value == null ? "" : value.trim();
    return switch (key) {
      case "endpoint" -> new FlyteConfig(v, insecure, insecureSkipVerify, caCertFilePath, authType, clientId,
          clientSecretLocation, clientSecretEnvVar, scopes, command);
      case "insecure" -> new FlyteConfig(endpoint, bool(key, v, where), insecureSkipVerify, caCertFilePath, authType,
          clientId, clientSecretLocation, clientSecretEnvVar, scopes, command);
      case "insecureSkipVerify" -> new FlyteConfig(endpoint, insecure, bool(key, v, where), caCertFilePath, authType,
          clientId, clientSecretLocation, clientSecretEnvVar, scopes, command);
      case "caCertFilePath" -> new FlyteConfig(endpoint, insecure, insecureSkipVerify, v, authType, clientId,
          clientSecretLocation, clientSecretEnvVar, scopes, command);
      case "authType" -> new FlyteConfig(endpoint, insecure, insecureSkipVerify, caCertFilePath, authType(v, where),
          clientId, clientSecretLocation, clientSecretEnvVar, scopes, command);
      case "clientId" -> new FlyteConfig(endpoint, insecure, insecureSkipVerify, caCertFilePath, authType, v,
          clientSecretLocation, clientSecretEnvVar, scopes, command);
      case "clientSecretLocation" -> new FlyteConfig(endpoint, insecure, insecureSkipVerify, caCertFilePath, authType,
          clientId, v, clientSecretEnvVar, scopes, command);
      case "clientSecretEnvVar" -> new FlyteConfig(endpoint, insecure, insecureSkipVerify, caCertFilePath, authType,
          clientId, clientSecretLocation, v, scopes, command);
      case "scopes" -> new FlyteConfig(endpoint, insecure, insecureSkipVerify, caCertFilePath, authType, clientId,
          clientSecretLocation, clientSecretEnvVar, list(v), command);
      case "command" -> new FlyteConfig(endpoint, insecure, insecureSkipVerify, caCertFilePath, authType, clientId,
          clientSecretLocation, clientSecretEnvVar, scopes, list(v));
      default -> throw new FlyteRemoteException(
          "unknown Flyte config key '" + key + "' " + where + "; known keys: " + String.join(", ", KEYS));
    };
  }

  /** {@code host:port} of {@code admin.endpoint}, which may be {@code dns:///host:port} or a bare host. */
  public String target() {
    if (endpoint == null || endpoint.isBlank()) {
      throw new FlyteRemoteException("no FlyteAdmin endpoint: set admin.endpoint in ~/.flyte/config.yaml "
          + "(or FLYTECTL_CONFIG), or run %flyte config endpoint=dns:///HOST:PORT");
    }
    String t = endpoint.startsWith("dns:///") ? endpoint.substring(7) : endpoint;
    if (t.contains("://")) {
      throw new FlyteRemoteException("admin.endpoint '" + endpoint + "' must be dns:///HOST:PORT or HOST:PORT");
    }
    return t.contains(":") ? t : t + ":" + (insecure ? 80 : 443);
  }

  private static boolean bool(String key, String v, String where) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false", "" -> false;
      default -> throw new FlyteRemoteException("admin." + key + " " + where + " must be true or false, not '" + v + "'");
    };
  }

  private static AuthType authType(String v, String where) {
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "clientsecret" -> AuthType.CLIENT_SECRET;
      case "pkce" -> AuthType.PKCE;
      case "externalcommand" -> AuthType.EXTERNAL_COMMAND;
      case "", "none" -> AuthType.NONE;
      default -> throw new FlyteRemoteException("admin.authType " + where + " is '" + v
          + "'; flytectl's types are ClientSecret, Pkce and ExternalCommand");
    };
  }

  private static List<String> list(String v) {
    List<String> out = new ArrayList<>();
    for (String part : v.split(",")) {
      if (!part.isBlank()) {
        out.add(part.trim());
      }
    }
    return out;
  }
}
