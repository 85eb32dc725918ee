package dev.flytejava.testkit.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.runtime.storage.ObjectNotFoundException;
import dev.flytejava.runtime.storage.S3Settings;
import dev.flytejava.runtime.storage.Storage;
import dev.flytejava.runtime.storage.StorageException;
import dev.flytejava.runtime.storage.StorageRetries;
import dev.flytejava.runtime.storage.StorageUri;
import dev.flytejava.runtime.storage.TransientStorageException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What only S3 has: endpoint override and path style, credentials from config, auth failures, outages. */
class S3StorageTest {
  @RegisterExtension static final EmbeddedS3Extension S3 = new EmbeddedS3Extension();

  private static final byte[] BYTES = "inputs".getBytes(StandardCharsets.UTF_8);

  private final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

  /** Real (short) waits, recorded. */
  private StorageRetries recordedRetries() {
    return StorageRetries.defaults().withDelays(Duration.ofMillis(20), Duration.ofMillis(80))
        .withSleeper(duration -> {
          sleeps.add(duration);
          Thread.sleep(duration.toMillis());
        });
  }

  @Test
  void credentialsAndEndpointFromThePodEnvironment() throws IOException {
    EmbeddedS3 s3 = S3.s3();
    StorageUri uri = s3.uri("env/inputs.pb");
    try (Storage storage = Storage.builder().environment(s3.environment()).build()) {
      storage.write(uri, BYTES);
      assertArrayEquals(BYTES, storage.read(uri));
    }
    assertTrue(Files.isRegularFile(s3.directory().resolve(s3.bucket()).resolve("env/inputs.pb")),
        "the object is on the server's disk, under its bucket and key");
  }

  @Test
  void credentialsFromFlytectlStorageConnection() throws IOException {
    EmbeddedS3 s3 = S3.s3();
    S3Settings settings = S3Settings.fromStorageConnection(Map.of(
        "endpoint", "127.0.0.1:" + s3.port(), // no scheme: disable-ssl makes it http
        "auth-type", "accesskey",
        "access-key", s3.accessKey(),
        "secret-key", s3.secretKey(),
        "region", EmbeddedS3.REGION,
        "disable-ssl", "true"));
    StorageUri uri = s3.uri("flytectl/inputs.pb");
    // the environment holds other, wrong keys: given settings win
    Map<String, String> env = Map.of("FLYTE_AWS_ACCESS_KEY_ID", "wrong", "FLYTE_AWS_SECRET_ACCESS_KEY", "wrong");
    try (Storage storage = Storage.builder().settings(settings).environment(env).build()) {
      storage.write(uri, BYTES);
      assertArrayEquals(BYTES, storage.read(uri));
    }
  }

  @Test
  void pathStyleIsWhatReachesAnEndpointOverride() throws IOException {
    EmbeddedS3 s3 = S3.s3();
    StorageUri uri = s3.uri("style/inputs.pb");
    try (Storage pathStyle = Storage.builder().settings(s3.settings()).build()) {
      pathStyle.write(uri, BYTES);
    }
    // virtual-hosted style puts the bucket in the host name (my-s3-bucket.localhost), which is not this server
    S3Settings virtual = s3.settings().withEndpoint("http://localhost:" + s3.port()).withPathStyle(false);
    try (Storage storage = Storage.builder().settings(virtual).retries(StorageRetries.none()).build()) {
      assertThrows(StorageException.class, () -> storage.read(uri));
    }
    Map<String, String> env = new HashMap<>(s3.environment());
    env.put("FLYTE_AWS_ENDPOINT", "http://localhost:" + s3.port());
    try (Storage byDefault = Storage.builder().environment(env).build()) {
      assertArrayEquals(BYTES, byDefault.read(uri), "an endpoint override is path style unless told otherwise");
    }
  }

  @Test
  void aWrongSecretFailsAtOnceAndIsNeverShown() throws IOException {
    EmbeddedS3 s3 = S3.s3();
    String wrongSecret = "not-the-secret-" + System.nanoTime();
    Map<String, String> env = new HashMap<>(s3.environment());
    env.put("FLYTE_AWS_SECRET_ACCESS_KEY", wrongSecret);
    try (Storage storage = Storage.builder().environment(env).retries(recordedRetries()).build()) {
      StorageException e = assertThrows(StorageException.class, () -> storage.read(s3.uri("any/inputs.pb")));

      assertFalse(e instanceof TransientStorageException || e instanceof ObjectNotFoundException, e.toString());
      assertTrue(e.getMessage().contains("HTTP 403"), e.getMessage());
      assertEquals(List.of(), sleeps, "an auth failure is not retried");
      for (Throwable t = e; t != null; t = t.getCause()) {
        assertFalse(String.valueOf(t.getMessage()).contains(wrongSecret), "secret shown in " + t);
        assertFalse(String.valueOf(t.getMessage()).contains(s3.secretKey()), "secret shown in " + t);
      }
    }
  }

  @Test
  void aMissingBucketIsAFailureNamingTheBucketNotAMissingObject() throws IOException {
    EmbeddedS3 s3 = S3.s3();
    try (Storage storage = s3.newStorage()) {
      StorageException e = assertThrows(StorageException.class,
          () -> storage.read(StorageUri.parse("s3://no-such-bucket/inputs.pb")));
      assertFalse(e instanceof ObjectNotFoundException || e instanceof TransientStorageException, e.toString());
      assertTrue(e.getMessage().contains("no bucket [no-such-bucket]"), e.getMessage());
    }
  }

  @Test
  void badSettingsAreNamedOnFirstUse() throws IOException {
    S3Settings half = S3Settings.fromEnvironment(Map.of("FLYTE_AWS_ENDPOINT", "http://127.0.0.1:1",
        "FLYTE_AWS_ACCESS_KEY_ID", "only-the-id"));
    try (Storage storage = Storage.builder().settings(half).build()) {
      StorageException e = assertThrows(StorageException.class, () -> storage.read(StorageUri.parse("s3://b/k")));
      assertTrue(e.getMessage().contains("bad S3 settings") && e.getMessage().contains("secret key is missing"),
          e.getMessage());
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aPortWithNothingListeningIsTransientAfterBoundedRetries() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort(); // free again once closed: nothing listens there
    }
    S3Settings nowhere = S3.s3().settings().withEndpoint("http://127.0.0.1:" + port);
    try (Storage storage = Storage.builder().settings(nowhere).retries(recordedRetries()).build()) {
      TransientStorageException e = assertThrows(TransientStorageException.class,
          () -> storage.read(StorageUri.parse("s3://b/run/inputs.pb")));

      assertEquals(4, e.attempts());
      assertEquals(List.of(Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofMillis(80)), sleeps);
      assertTrue(e.getMessage().startsWith("Storage read of [s3://b/run/inputs.pb] failed: "), e.getMessage());
      assertTrue(e.getMessage().contains("gave up after 4 attempts"), e.getMessage());
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aServerStoppedMidTestGivesTransientFailuresForEveryOperation() throws IOException {
    try (EmbeddedS3 s3 = EmbeddedS3.start("outage");
        Storage storage = Storage.builder().settings(s3.settings()).retries(recordedRetries()).build()) {
      StorageUri uri = s3.uri("run/inputs.pb");
      storage.write(uri, BYTES);
      assertArrayEquals(BYTES, storage.read(uri));

      s3.stop();

      assertEquals(4, assertThrows(TransientStorageException.class, () -> storage.read(uri)).attempts());
      assertThrows(TransientStorageException.class, () -> storage.write(s3.uri("run/outputs.pb"), BYTES));
      assertThrows(TransientStorageException.class, () -> storage.exists(uri));
      assertThrows(TransientStorageException.class, () -> storage.list(s3.uri("run")));
      assertEquals(4 * 3, sleeps.size(), "three retries for each of the four operations");
      assertFalse(s3.isRunning());
    }
  }
}
