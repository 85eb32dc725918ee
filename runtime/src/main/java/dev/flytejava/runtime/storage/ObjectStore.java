package dev.flytejava.runtime.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The objects of one URI scheme, such as {@code s3}: the storage SPI. Created per scheme by an
 * {@link ObjectStoreRegistrar}; callers go through {@link Storage}, which adds retries.
 *
 * <p>Failures are {@link StorageException}s: {@link ObjectNotFoundException} when the store answered that there is
 * no such object, {@link TransientStorageException} when it could not be reached or asked to retry, a plain
 * {@code StorageException} otherwise. Implementations are safe for concurrent use.
 */
public interface ObjectStore extends AutoCloseable {

  /** The URI scheme this store serves, such as {@code s3}. */
  String scheme();

  /** Opens the object for reading; the caller closes the stream. */
  InputStream open(StorageUri uri) throws IOException;

  /**
   * Writes the object from {@code data}, replacing any object there. The object becomes visible only when complete
   * (a killed writer never leaves half an object).
   *
   * @param length the number of bytes in {@code data}, or -1 when unknown
   */
  void write(StorageUri uri, InputStream data, long length) throws IOException;

  boolean exists(StorageUri uri) throws IOException;

  /**
   * Every object under {@code prefix} taken as a directory, at any depth, sorted by location: {@code s3://b/d}
   * lists {@code s3://b/d/x} and {@code s3://b/d/e/y}, not {@code s3://b/d2}. Empty when there is none.
   */
  List<StorageUri> list(StorageUri prefix) throws IOException;

  /** Copies one object within this store. */
  default void copy(StorageUri from, StorageUri to) throws IOException {
    try (InputStream in = open(from)) {
      write(to, in, -1);
    }
  }

  /** Copies the object to a local file, which appears only when complete. */
  default void download(StorageUri from, Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
    try (InputStream in = open(from)) {
      Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Writes the object from a local file. */
  default void upload(Path source, StorageUri to) throws IOException {
    try (InputStream in = Files.newInputStream(source)) {
      write(to, in, Files.size(source));
    }
  }

  /** Releases the store's clients and connections. */
  @Override
  default void close() throws IOException {}
}
