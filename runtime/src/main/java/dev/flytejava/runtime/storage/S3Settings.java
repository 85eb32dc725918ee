package dev.flytejava.runtime.storage;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How to reach S3 or an S3-compatible store (MinIO, as Flyte's sandbox uses). Every field may be {@code null},
 * meaning "not set here": {@link #orElse} fills such fields from another source, and what stays unset takes the
 * default named on each accessor. Settings come from three places, in this order of precedence:
 * <ol>
 *   <li>given to {@link Storage.Builder#settings}, e.g. from flytectl's {@code storage.connection}
 *       ({@link #fromStorageConnection});
 *   <li>the environment Flyte gives task pods ({@link #fromEnvironment}): {@code FLYTE_AWS_ENDPOINT},
 *       {@code FLYTE_AWS_ACCESS_KEY_ID}, {@code FLYTE_AWS_SECRET_ACCESS_KEY}, as flytekit reads them;
 *   <li>the AWS SDK's own defaults: the default credentials chain (environment, profile, web identity, container
 *       and instance roles).
 * </ol>
 * {@link #toString()} never shows the secret key.
 *
 * @param endpoint the store's URL ({@code http://minio:9000}); without a scheme, https unless {@code disableSsl}
 * @param region the signing region
 * @param authType static keys or the default chain
 * @param accessKey the access key id
 * @param secretKey the secret access key
 * @param disableSsl whether an endpoint without a scheme is plain http
 * @param pathStyle whether the bucket goes in the path ({@code host/bucket/key}) rather than the host name
 */
public record S3Settings(String endpoint, String region, AuthType authType, String accessKey, String secretKey,
    Boolean disableSsl, Boolean pathStyle) {

  /** Used when no region is set anywhere, as flytestdlib's storage config does. */
  public static final String DEFAULT_REGION = "us-east-1";

  /** The keys of flytectl's {@code storage.connection} section that we read. */
  public static final List<String> CONNECTION_KEYS =
      List.of("endpoint", "auth-type", "access-key", "secret-key", "region", "disable-ssl");

  /** How requests are signed. */
  public enum AuthType {
    /** The AWS SDK's default credentials chain (flytectl's {@code iam}). */
    IAM,
    /** The static {@code accessKey} and {@code secretKey} (flytectl's {@code accesskey}). */
    ACCESS_KEY
  }

  public S3Settings {
    endpoint = blankToNull(endpoint);
    region = blankToNull(region);
    accessKey = blankToNull(accessKey);
    secretKey = blankToNull(secretKey);
  }

  /** Nothing set. */
  public static S3Settings none() {
    return new S3Settings(null, null, null, null, null, null, null);
  }

  /**
   * The settings in a task pod's environment, read as flytekit reads them: {@code FLYTE_AWS_ENDPOINT} (else the
   * AWS SDK's {@code AWS_ENDPOINT_URL_S3}, {@code AWS_ENDPOINT_URL}), {@code FLYTE_AWS_ACCESS_KEY_ID},
   * {@code FLYTE_AWS_SECRET_ACCESS_KEY}, {@code FLYTE_AWS_ADDRESSING_STYLE} ({@code path} or {@code virtual}), and
   * the region from {@code AWS_REGION} or {@code AWS_DEFAULT_REGION}.
   */
  public static S3Settings fromEnvironment(Map<String, String> env) {
    String endpoint = first(env, "FLYTE_AWS_ENDPOINT", "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL");
    String style = blankToNull(env.get("FLYTE_AWS_ADDRESSING_STYLE"));
    Boolean pathStyle = null;
    if (style != null) {
      pathStyle = switch (style.toLowerCase(Locale.ROOT)) {
        case "path" -> true;
        case "virtual" -> false;
        case "auto" -> null;
        default -> throw new IllegalArgumentException("FLYTE_AWS_ADDRESSING_STYLE must be path, virtual or auto, got ["
            + style + "]");
      };
    }
    return new S3Settings(endpoint, first(env, "AWS_REGION", "AWS_DEFAULT_REGION"), null,
        env.get("FLYTE_AWS_ACCESS_KEY_ID"), env.get("FLYTE_AWS_SECRET_ACCESS_KEY"), null, pathStyle);
  }

  /**
   * The settings in flytectl's {@code storage.connection} section ({@code ~/.flyte/config.yaml}): {@code endpoint},
   * {@code auth-type} ({@code iam} or {@code accesskey}), {@code access-key}, {@code secret-key}, {@code region},
   * {@code disable-ssl}. Values may be strings or, for {@code disable-ssl}, booleans.
   *
   * @throws IllegalArgumentException for an unknown key or a bad value, naming it
   */
  public static S3Settings fromStorageConnection(Map<String, ?> connection) {
    Map<String, Object> values = new LinkedHashMap<>(connection);
    for (String key : values.keySet()) {
      if (!CONNECTION_KEYS.contains(key)) {
        throw new IllegalArgumentException("Unknown key [" + key + "] in storage.connection; known keys: "
            + CONNECTION_KEYS);
      }
    }
    AuthType authType = null;
    String auth = text(values, "auth-type");
    if (auth != null) {
      authType = switch (auth.toLowerCase(Locale.ROOT)) {
        case "iam" -> AuthType.IAM;
        case "accesskey" -> AuthType.ACCESS_KEY;
        default -> throw new IllegalArgumentException("storage.connection.auth-type must be iam or accesskey, got ["
            + auth + "]");
      };
    }
    Boolean disableSsl = null;
    String ssl = text(values, "disable-ssl");
    if (ssl != null) {
      if (!ssl.equalsIgnoreCase("true") && !ssl.equalsIgnoreCase("false")) {
        throw new IllegalArgumentException("storage.connection.disable-ssl must be true or false, got [" + ssl + "]");
      }
      disableSsl = Boolean.parseBoolean(ssl);
    }
    return new S3Settings(text(values, "endpoint"), text(values, "region"), authType, text(values, "access-key"),
        text(values, "secret-key"), disableSsl, null);
  }

  /** These settings, with each unset field taken from {@code fallback}. */
  public S3Settings orElse(S3Settings fallback) {
    return new S3Settings(
        endpoint != null ? endpoint : fallback.endpoint,
        region != null ? region : fallback.region,
        authType != null ? authType : fallback.authType,
        accessKey != null || secretKey != null ? accessKey : fallback.accessKey,
        accessKey != null || secretKey != null ? secretKey : fallback.secretKey,
        disableSsl != null ? disableSsl : fallback.disableSsl,
        pathStyle != null ? pathStyle : fallback.pathStyle);
  }

  public S3Settings withEndpoint(String newEndpoint) {
    return new S3Settings(newEndpoint, region, authType, accessKey, secretKey, disableSsl, pathStyle);
  }

  public S3Settings withRegion(String newRegion) {
    return new S3Settings(endpoint, newRegion, authType, accessKey, secretKey, disableSsl, pathStyle);
  }

  /** These settings signing with the given static keys. */
  public S3Settings withAccessKey(String newAccessKey, String newSecretKey) {
    return new S3Settings(endpoint, region, AuthType.ACCESS_KEY, newAccessKey, newSecretKey, disableSsl, pathStyle);
  }

  public S3Settings withPathStyle(boolean newPathStyle) {
    return new S3Settings(endpoint, region, authType, accessKey, secretKey, disableSsl, newPathStyle);
  }

  /** The endpoint as a URI, or {@code null} for AWS's own. */
  public URI endpointUri() {
    if (endpoint == null) {
      if (Boolean.TRUE.equals(disableSsl)) {
        throw new IllegalArgumentException("S3 disable-ssl needs an endpoint to connect to over http");
      }
      return null;
    }
    String text = endpoint.contains("://") ? endpoint
        : (Boolean.TRUE.equals(disableSsl) ? "http://" : "https://") + endpoint;
    URI uri;
    try {
      uri = URI.create(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("S3 endpoint [" + endpoint + "] is not a URL: " + e.getMessage(), e);
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("S3 endpoint [" + endpoint + "] must be an http or https URL with a host");
    }
    return uri;
  }

  /** The region, else {@value #DEFAULT_REGION}. */
  public String effectiveRegion() {
    return region != null ? region : DEFAULT_REGION;
  }

  /** Whether the bucket goes in the path: as set, else exactly when an endpoint is set (S3-compatible stores). */
  public boolean usesPathStyle() {
    return pathStyle != null ? pathStyle : endpoint != null;
  }

  /**
   * The auth type: as set, else {@code ACCESS_KEY} when keys are set and {@code IAM} otherwise.
   *
   * @throws IllegalArgumentException when static keys are asked for but incomplete
   */
  public AuthType effectiveAuthType() {
    AuthType type = authType != null ? authType : accessKey != null || secretKey != null ? AuthType.ACCESS_KEY
        : AuthType.IAM;
    if (type == AuthType.ACCESS_KEY && (accessKey == null || secretKey == null)) {
      throw new IllegalArgumentException("S3 access-key auth needs both an access key and a secret key; "
          + (accessKey == null ? "the access key" : "the secret key") + " is missing (FLYTE_AWS_ACCESS_KEY_ID and "
          + "FLYTE_AWS_SECRET_ACCESS_KEY, or storage.connection.access-key and secret-key)");
    }
    return type;
  }

  @Override
  public String toString() {
    return "S3Settings[endpoint=" + endpoint + ", region=" + region + ", authType=" + authType + ", accessKey="
        + accessKey + ", secretKey=" + (secretKey == null ? null : "<hidden>") + ", disableSsl=" + disableSsl
        + ", pathStyle=" + pathStyle + "]";
  }

  private static String text(Map<String, Object> values, String key) {
    Object value = values.get(key);
    return value == null ? null : blankToNull(value.toString());
  }

  private static String first(Map<String, String> env, String... names) {
    for (String name : names) {
      String value = blankToNull(env.get(name));
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
