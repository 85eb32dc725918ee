package dev.flytejava.runtime.storage.internal;

import dev.flytejava.runtime.storage.ObjectNotFoundException;
import dev.flytejava.runtime.storage.ObjectStore;
import dev.flytejava.runtime.storage.StorageException;
import dev.flytejava.runtime.storage.StorageOperation;
import dev.flytejava.runtime.storage.StorageUri;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code file://} locations and plain paths. A write goes to a temp file beside the target ({@code .NAME.*.part}),
 * is forced to disk and renamed over the target atomically; listings skip such temp files.
 */
public final class LocalObjectStore implements ObjectStore {
  private static final String TEMP_SUFFIX = ".part";

  @Override
  public String scheme() {
    return StorageUri.FILE;
  }

  @Override
  public InputStream open(StorageUri uri) throws IOException {
    Path path = uri.toPath();
    if (Files.isDirectory(path)) {
      throw new StorageException(StorageOperation.READ, uri, "it is a directory, not a file", null);
    }
    try {
      return Files.newInputStream(path);
    } catch (NoSuchFileException e) {
      throw new ObjectNotFoundException(StorageOperation.READ, uri, e);
    } catch (IOException e) {
      throw failure(StorageOperation.READ, uri, e);
    }
  }

  @Override
  public void write(StorageUri uri, InputStream data, long length) throws IOException {
    Path target = uri.toPath();
    Path temp = null;
    try {
      Files.createDirectories(target.getParent());
      temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", TEMP_SUFFIX);
      long copied = Files.copy(data, temp, StandardCopyOption.REPLACE_EXISTING);
      if (length >= 0 && copied != length) {
        throw new StorageException(StorageOperation.WRITE, uri, "expected " + length + " bytes, the stream gave "
            + copied, null);
      }
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      temp = null;
    } catch (StorageException e) {
      throw e;
    } catch (IOException e) {
      throw failure(StorageOperation.WRITE, uri, e);
    } finally {
      if (temp != null) {
        Files.deleteIfExists(temp);
      }
    }
  }

  @Override
  public boolean exists(StorageUri uri) {
    return Files.isRegularFile(uri.toPath());
  }

  @Override
  public List<StorageUri> list(StorageUri prefix) throws IOException {
    Path dir = prefix.toPath();
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<StorageUri> found = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(Files::isRegularFile)
          .filter(path -> !(path.getFileName().toString().startsWith(".")
              && path.getFileName().toString().endsWith(TEMP_SUFFIX)))
          .sorted(Comparator.comparing(Path::toString))
          .forEach(path -> found.add(StorageUri.of(path)));
    } catch (IOException e) {
      throw failure(StorageOperation.LIST, prefix, e);
    }
    return found;
  }

  @Override
  public void copy(StorageUri from, StorageUri to) throws IOException {
    upload(from.toPath(), to);
  }

  @Override
  public void download(StorageUri from, Path target) throws IOException {
    copy(from, StorageUri.of(target));
  }

  @Override
  public void upload(Path source, StorageUri to) throws IOException {
    StorageUri from = StorageUri.of(source);
    try (InputStream in = open(from)) {
      write(to, in, -1);
    }
  }

  private static StorageException failure(StorageOperation operation, StorageUri uri, IOException e) {
    String detail = e instanceof AccessDeniedException ? "access denied" : e.toString();
    return new StorageException(operation, uri, detail, e);
  }
}
