package dev.flytejava.testkit.storage;

import dev.flytejava.runtime.storage.S3Settings;
import dev.flytejava.runtime.storage.Storage;
import dev.flytejava.runtime.storage.StorageUri;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.commons.io.file.PathUtils;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.filesystem.FilesystemApiMetadata;

/**
 * An S3-protocol server for tests: s3proxy on {@code 127.0.0.1} at an ephemeral port, its objects in a temp
 * directory (jclouds' filesystem provider), one bucket created, random credentials (signature V2 or V4). Path-style
 * only, as MinIO in Flyte's sandbox is used. {@link #stop()} takes the server down and keeps the data (to test an
 * outage); {@link #close()} also deletes the directory.
 *
 * <pre>{@code
 * try (EmbeddedS3 s3 = EmbeddedS3.start();
 *      Storage storage = Storage.builder().settings(s3.settings()).build()) {
 *   storage.write(s3.uri("run/inputs.pb"), bytes);
 * }
 * }</pre>
 */
public final class EmbeddedS3 implements AutoCloseable {
  /** The bucket of Flyte's sandbox. */
  public static final String DEFAULT_BUCKET = "my-s3-bucket";
  public static final String REGION = "us-east-1";

  private final Path directory;
  private final BlobStoreContext context;
  private final S3Proxy proxy;
  private final String bucket;
  private final String accessKey;
  private final String secretKey;
  private final int port;
  private boolean running;

  private EmbeddedS3(Path directory, BlobStoreContext context, S3Proxy proxy, String bucket, String accessKey,
      String secretKey) {
    this.directory = directory;
    this.context = context;
    this.proxy = proxy;
    this.bucket = bucket;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    this.port = proxy.getPort();
    this.running = true;
  }

  /** Starts a server with the bucket {@value #DEFAULT_BUCKET}. */
  public static EmbeddedS3 start() {
    return start(DEFAULT_BUCKET);
  }

  /** Starts a server with this bucket. */
  public static EmbeddedS3 start(String bucket) {
    Path directory;
    try {
      directory = Files.createTempDirectory("flyte-java-s3-");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create a directory for the embedded S3 server", e);
    }
    BlobStoreContext context = null;
    try {
      Properties properties = new Properties();
      properties.setProperty("jclouds.filesystem.basedir", directory.toString());
      // by API metadata, not provider id: a lookup by id instantiates every provider on the class path
      context = ContextBuilder.newBuilder(new FilesystemApiMetadata()).overrides(properties)
          .build(BlobStoreContext.class);
      BlobStore blobStore = context.getBlobStore();
      blobStore.createContainerInLocation(null, bucket);
      String accessKey = "AK" + randomHex(8).toUpperCase();
      String secretKey = randomHex(20);
      S3Proxy proxy = S3Proxy.builder()
          .blobStore(blobStore)
          .endpoint(URI.create("http://127.0.0.1:0"))
          .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
          .build();
      proxy.start();
      awaitStarted(proxy);
      return new EmbeddedS3(directory, context, proxy, bucket, accessKey, secretKey);
    } catch (Exception e) {
      if (context != null) {
        context.close();
      }
      deleteQuietly(directory);
      throw new IllegalStateException("Cannot start the embedded S3 server (s3proxy) on 127.0.0.1: " + e, e);
    }
  }

  private static void awaitStarted(S3Proxy proxy) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!"STARTED".equals(proxy.getState())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("s3proxy did not start within 30 s (state [" + proxy.getState() + "])");
      }
      Thread.sleep(5);
    }
  }

  /** {@code http://127.0.0.1:PORT}. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public int port() {
    return port;
  }

  public String bucket() {
    return bucket;
  }

  public String accessKey() {
    return accessKey;
  }

  public String secretKey() {
    return secretKey;
  }

  /** {@code s3://BUCKET}. */
  public StorageUri bucketUri() {
    return new StorageUri("s3", bucket, "");
  }

  /** {@code s3://BUCKET/key}. */
  public StorageUri uri(String key) {
    return bucketUri().resolve(key);
  }

  /** The directory the objects are kept in ({@code BUCKET/key} below it). */
  public Path directory() {
    return directory;
  }

  /** Settings that reach this server: its endpoint, path style, its keys, region {@value #REGION}. */
  public S3Settings settings() {
    return S3Settings.none().withEndpoint(endpoint().toString()).withRegion(REGION).withPathStyle(true)
        .withAccessKey(accessKey, secretKey);
  }

  /**
   * The environment a Flyte task pod would get for this server: {@code FLYTE_AWS_ENDPOINT},
   * {@code FLYTE_AWS_ACCESS_KEY_ID}, {@code FLYTE_AWS_SECRET_ACCESS_KEY}, and {@code AWS_REGION}.
   */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("FLYTE_AWS_ENDPOINT", endpoint().toString());
    env.put("FLYTE_AWS_ACCESS_KEY_ID", accessKey);
    env.put("FLYTE_AWS_SECRET_ACCESS_KEY", secretKey);
    env.put("AWS_REGION", REGION);
    return env;
  }

  /** A new {@link Storage} on this server (the caller closes it). */
  public Storage newStorage() {
    return Storage.builder().settings(settings()).build();
  }

  public synchronized boolean isRunning() {
    return running;
  }

  /** Stops the server, keeping its objects: requests then fail as they would against a store that is down. */
  public synchronized void stop() {
    if (running) {
      try {
        proxy.stop();
      } catch (Exception e) {
        throw new IllegalStateException("Cannot stop the embedded S3 server on port [" + port + "]", e);
      }
      running = false;
    }
  }

  /** Stops the server and deletes its objects. */
  @Override
  public synchronized void close() {
    try {
      stop();
    } finally {
      context.close();
      deleteQuietly(directory);
    }
  }

  @Override
  public String toString() {
    return "EmbeddedS3[endpoint=" + endpoint() + ", bucket=" + bucket + ", running=" + running + "]";
  }

  /**
   * Runs a server until standard input closes, for tests in another process: prints the {@link #environment()}
   * as {@code NAME=value} lines, then {@code bucket=BUCKET}. Arguments: {@code [bucket]}.
   */
  public static void main(String[] args) throws IOException {
    try (EmbeddedS3 s3 = start(args.length > 0 ? args[0] : DEFAULT_BUCKET)) {
      s3.environment().forEach((name, value) -> System.out.println(name + "=" + value));
      System.out.println("bucket=" + s3.bucket());
      System.out.flush();
      while (System.in.read() >= 0) {
        // wait for the parent to close our standard input
      }
    }
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    new SecureRandom().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  private static void deleteQuietly(Path directory) {
    try {
      PathUtils.deleteDirectory(directory);
    } catch (IOException e) {
      // a temp directory left behind is not worth failing a test run for
    }
  }
}
