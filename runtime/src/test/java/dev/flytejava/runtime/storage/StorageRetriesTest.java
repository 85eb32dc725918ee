package dev.flytejava.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StorageRetriesTest {
  private static final StorageUri URI = StorageUri.parse("s3://b/run/inputs.pb");

  private final List<Duration> sleeps = new ArrayList<>();
  private final StorageRetries retries = StorageRetries.defaults().withSleeper(sleeps::add);

  @Test
  void retriesTransientFailuresWithGrowingWaits() throws StorageException {
    AtomicInteger calls = new AtomicInteger();

    String result = retries.run(() -> {
      if (calls.incrementAndGet() < 4) {
        throw new TransientStorageException(StorageOperation.READ, URI, "connection refused", null);
      }
      return "bytes";
    });

    assertEquals("bytes", result);
    assertEquals(4, calls.get());
    assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(1000)), sleeps);
  }

  @Test
  void givesUpAfterTheLastAttemptSayingHowOften() {
    AtomicInteger calls = new AtomicInteger();

    TransientStorageException e = assertThrows(TransientStorageException.class, () -> retries.run(() -> {
      calls.incrementAndGet();
      throw new TransientStorageException(StorageOperation.READ, URI, "connection refused", null);
    }));

    assertEquals(4, calls.get());
    assertEquals(4, e.attempts());
    assertEquals(3, sleeps.size());
    assertEquals(StorageOperation.READ, e.operation());
    assertEquals(URI, e.uri());
    assertTrue(e.getMessage().startsWith("Storage read of [s3://b/run/inputs.pb] failed: connection refused "
        + "(gave up after 4 attempts in "), e.getMessage());
    assertTrue(e.getCause() instanceof TransientStorageException);
  }

  @Test
  void missingObjectsAndOtherFailuresAreNotRetried() {
    ObjectNotFoundException missing = new ObjectNotFoundException(StorageOperation.READ, URI, null);
    StorageException denied = new StorageException(StorageOperation.READ, URI, "access denied", null);

    assertSame(missing, assertThrows(StorageException.class, () -> retries.run(() -> {
      throw missing;
    })));
    assertSame(denied, assertThrows(StorageException.class, () -> retries.run(() -> {
      throw denied;
    })));
    assertEquals(List.of(), sleeps);
  }

  @Test
  void stopsBeforeAWaitThatWouldPassTheDeadline() {
    StorageRetries bounded = retries.withMaxAttempts(100).withDeadline(Duration.ofMillis(1000));
    AtomicInteger calls = new AtomicInteger();

    TransientStorageException e = assertThrows(TransientStorageException.class, () -> bounded.run(() -> {
      calls.incrementAndGet();
      throw new TransientStorageException(StorageOperation.WRITE, URI, "HTTP 503", null);
    }));

    // waits of 250 and 500 fit in 1 s; the next (1000) would not
    assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(500)), sleeps);
    assertEquals(3, e.attempts());
  }

  @Test
  void waitsAreCapped() {
    StorageRetries policy = StorageRetries.defaults().withDelays(Duration.ofMillis(100), Duration.ofMillis(300));
    assertEquals(Duration.ofMillis(100), policy.delayAfter(1));
    assertEquals(Duration.ofMillis(200), policy.delayAfter(2));
    assertEquals(Duration.ofMillis(300), policy.delayAfter(3));
    assertEquals(Duration.ofMillis(300), policy.delayAfter(40));
  }

  @Test
  void anInterruptedWaitGivesUpAndKeepsTheInterrupt() {
    StorageRetries interrupted = StorageRetries.defaults().withSleeper(duration -> {
      throw new InterruptedException();
    });
    try {
      TransientStorageException e = assertThrows(TransientStorageException.class, () -> interrupted.run(() -> {
        throw new TransientStorageException(StorageOperation.READ, URI, "timeout", null);
      }));
      assertEquals(1, e.attempts());
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void noneTriesOnce() {
    AtomicInteger calls = new AtomicInteger();
    assertThrows(TransientStorageException.class, () -> StorageRetries.none().withSleeper(sleeps::add).run(() -> {
      calls.incrementAndGet();
      throw new TransientStorageException(StorageOperation.READ, URI, "timeout", null);
    }));
    assertEquals(1, calls.get());
  }

  @Test
  void badPoliciesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> StorageRetries.defaults().withMaxAttempts(0));
    assertThrows(IllegalArgumentException.class,
        () -> StorageRetries.defaults().withDeadline(Duration.ofSeconds(-1)));
  }
}
