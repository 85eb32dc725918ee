package bench;

import dev.flytejava.runtime.storage.Storage;
import dev.flytejava.runtime.storage.StorageUri;
import java.time.Instant;

/**
 * One cold read, as the entrypoint does its first: a fresh JVM builds the storage, reads one object and prints
 * {@code bytes=N read_at=EPOCH_NANOS}; the parent measures from just before it started the process.
 */
public final class FirstRead {
  public static void main(String[] args) throws Exception {
    byte[] bytes;
    try (Storage storage = Storage.create()) {
      bytes = storage.read(StorageUri.parse(args[0]));
    }
    Instant at = Instant.now();
    System.out.println("bytes=" + bytes.length + " read_at=" + (at.getEpochSecond() * 1_000_000_000L + at.getNano()));
  }
}
