package bench;

import dev.flytejava.runtime.storage.Storage;
import dev.flytejava.runtime.storage.StorageUri;
import java.time.Duration;
import java.time.Instant;

/**
 * One cold read, as the entrypoint does its first: a fresh JVM builds the storage, reads one object and prints
 * {@code bytes=N read_at=EPOCH_NANOS cpu_ms=C} (C: the CPU time the process had used by then, all threads); the parent
 * measures from just before it started the process.
 */
public final class FirstRead {
  public static void main(String[] args) throws Exception {
    byte[] bytes;
    try (Storage storage = Storage.create()) {
      bytes = storage.read(StorageUri.parse(args[0]));
    }
    Instant at = Instant.now();
    long cpuMs = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    System.out.println("bytes=" + bytes.length + " read_at=" + (at.getEpochSecond() * 1_000_000_000L + at.getNano())
        + " cpu_ms=" + cpuMs);
  }
}
