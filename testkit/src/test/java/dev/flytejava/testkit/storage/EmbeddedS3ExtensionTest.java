package dev.flytejava.testkit.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.runtime.storage.Storage;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(EmbeddedS3Extension.class)
class EmbeddedS3ExtensionTest {
  private static EmbeddedS3 started;

  @BeforeAll
  static void remember(EmbeddedS3 s3) {
    started = s3;
  }

  @Test
  void givesARunningServerWithItsBucket(EmbeddedS3 s3) throws IOException {
    assertSame(started, s3, "one server per class");
    assertTrue(s3.isRunning());
    try (Storage storage = s3.newStorage()) {
      storage.write(s3.uri("x"), new byte[] {42});
      assertArrayEquals(new byte[] {42}, storage.read(s3.uri("x")));
    }
  }

  @Nested
  class Inner {
    @Test
    void sharesTheEnclosingClassesServer(EmbeddedS3 s3) {
      assertSame(started, s3);
    }
  }
}
