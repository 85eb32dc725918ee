package dev.flytejava.runtime.storage.internal;

import dev.flytejava.runtime.storage.S3Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Builds the AWS SDK's S3 client from {@link S3Settings}. */
final class S3Clients {
  /** A store that does not accept a connection in this long is treated as down (and retried). */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  /** The longest silence while reading or writing a response before it counts as a failure. */
  static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(60);

  private S3Clients() {}

  /**
   * The client for these settings on {@code http} (from {@link #httpClient()}; the caller closes both). Everything
   * the SDK would otherwise look up is given (HTTP client, region, credentials provider), which keeps the first
   * request fast; the SDK's own retries are off, since {@link dev.flytejava.runtime.storage.StorageRetries} is the
   * one retry policy.
   *
   * @throws IllegalArgumentException for settings that cannot work (a bad endpoint, half a key pair)
   */
  static S3Client create(S3Settings settings, SdkHttpClient http) {
    URI endpoint = settings.endpointUri();
    S3ClientBuilder builder = S3Client.builder()
        .httpClient(http)
        .region(Region.of(settings.effectiveRegion()))
        .credentialsProvider(credentials(settings))
        .forcePathStyle(settings.usesPathStyle())
        .overrideConfiguration(override -> override.retryStrategy(AwsRetryStrategy.doNotRetry()));
    if (endpoint != null) {
      // S3-compatible stores (MinIO, s3proxy) may not know the SDK's newer default checksums
      builder.endpointOverride(endpoint)
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    } else if (settings.region() == null) {
      // the default region may not be the bucket's: follow S3's redirects to the right one
      builder.crossRegionAccessEnabled(true);
    }
    return builder.build();
  }

  /**
   * The JDK's URL connection with our timeouts. Given a connection factory, the SDK's client does not build its
   * own TLS context up front (about a third of a second of a cold start, wasted on an http endpoint); https
   * connections use the JDK's default one, made on first use. Proxies come from the JVM's proxy properties.
   */
  static SdkHttpClient httpClient() {
    return UrlConnectionHttpClient.create(uri -> {
      try {
        HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
        connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
        connection.setReadTimeout((int) SOCKET_TIMEOUT.toMillis());
        return connection;
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot open a connection to [" + uri + "]", e);
      }
    });
  }

  private static AwsCredentialsProvider credentials(S3Settings settings) {
    return switch (settings.effectiveAuthType()) {
      case ACCESS_KEY -> StaticCredentialsProvider.create(
          AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
      case IAM -> DefaultCredentialsProvider.builder().build();
    };
  }
}
