package dev.flytejava.testkit.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.runtime.storage.Storage;
import dev.flytejava.runtime.storage.StorageRetries;
import dev.flytejava.runtime.storage.StorageUri;
import dev.flytejava.runtime.storage.TransientStorageException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class EmbeddedS3Test {

  @Test
  void closeStopsTheServerAndDeletesItsObjects() throws IOException {
    EmbeddedS3 s3 = EmbeddedS3.start("closing");
    Path directory = s3.directory();
    try (Storage storage = s3.newStorage()) {
      storage.write(s3.uri("k"), new byte[] {1});
      assertTrue(Files.isDirectory(directory.resolve("closing")));

      s3.close();

      assertFalse(Files.exists(directory), "temp directory deleted");
      assertFalse(s3.isRunning());
      try (Storage afterClose = Storage.builder().settings(s3.settings()).retries(StorageRetries.none()).build()) {
        assertThrows(TransientStorageException.class, () -> afterClose.read(s3.uri("k")));
      }
    }
  }

  @Test
  void listensOnLoopbackAtAnEphemeralPort() {
    try (EmbeddedS3 first = EmbeddedS3.start(); EmbeddedS3 second = EmbeddedS3.start()) {
      assertEquals("127.0.0.1", first.endpoint().getHost());
      assertTrue(first.port() > 0 && first.port() != second.port());
      assertFalse(first.secretKey().equals(second.secretKey()), "credentials are random per server");
    }
  }

  /** The process form: another process gets the pod-shaped environment on stdout and stops the server via stdin. */
  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void mainServesUntilStandardInputCloses() throws Exception {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classPath, EmbeddedS3.class.getName(), "from-main")
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      Map<String, String> env = new LinkedHashMap<>();
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      for (String line = out.readLine(); line != null && !line.startsWith("bucket="); line = out.readLine()) {
        env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
      }
      assertTrue(env.keySet().containsAll(List.of("FLYTE_AWS_ENDPOINT", "FLYTE_AWS_ACCESS_KEY_ID",
          "FLYTE_AWS_SECRET_ACCESS_KEY")), env.keySet().toString());
      try (Storage storage = Storage.builder().environment(env).build()) {
        storage.write(StorageUri.parse("s3://from-main/x"), new byte[] {9});
        assertArrayEquals(new byte[] {9},
            storage.read(StorageUri.parse("s3://from-main/x")));
      }

      process.getOutputStream().close();

      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the server process ends when its stdin closes");
      assertEquals(0, process.exitValue());
    } finally {
      process.destroyForcibly();
    }
  }
}
