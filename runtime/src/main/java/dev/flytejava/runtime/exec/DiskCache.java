package dev.flytejava.runtime.exec;

import dev.flytejava.runtime.model.CodeHashes;
import flyteidl.core.Literals.LiteralMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The task cache on disk, one file per entry ({@code DIR/ab/abcdef....entry}), by default under
 * {@code ~/.flyte-java/cache}.
 *
 * <p>Crash safety: an entry is written to a temp file in the same directory, forced to disk, then renamed over
 * the final name atomically, so a killed process leaves either the whole entry or none (plus perhaps a stray
 * temp file, which readers ignore and {@link #open} deletes once it is {@link #STRAY_TEMP_AGE} old). Each entry also carries its length and a SHA-256 of its payload; an entry that
 * fails these checks or does not parse (corruption from outside) is deleted and reported as a miss, never an error.
 *
 * <p>Layout of an entry: magic {@code FJC1}, payload length (4 bytes), payload (the outputs' {@code LiteralMap}),
 * SHA-256 of the payload (32 bytes).
 */
public final class DiskCache implements TaskCache {
  private static final byte[] MAGIC = {'F', 'J', 'C', '1'};
  private static final int HEADER = MAGIC.length + 4;
  private static final int DIGEST = 32;
  private static final Pattern KEY = Pattern.compile("[0-9a-f]{16,128}");

  /** Temp files older than this are strays of killed writers (a live writer finishes in far less). */
  public static final Duration STRAY_TEMP_AGE = Duration.ofHours(1);

  private final Path dir;

  private DiskCache(Path dir) {
    this.dir = dir;
  }

  /** The cache in {@code dir}, created if missing; temp files that killed writers left behind are deleted. */
  public static DiskCache open(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create cache directory [" + dir + "]", e);
    }
    DiskCache cache = new DiskCache(dir);
    cache.deleteStrayTempFiles(Instant.now().minus(STRAY_TEMP_AGE));
    return cache;
  }

  /**
   * Deletes the temp files last modified before {@code before}; returns how many. Best effort: a file that
   * cannot be listed or deleted stays, as readers ignore it anyway.
   */
  public int deleteStrayTempFiles(Instant before) {
    int deleted = 0;
    try (DirectoryStream<Path> shards = Files.newDirectoryStream(dir, Files::isDirectory)) {
      for (Path shard : shards) {
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(shard, ".*.tmp")) {
          for (Path tmp : temps) {
            if (Files.getLastModifiedTime(tmp).toInstant().isBefore(before) && Files.deleteIfExists(tmp)) {
              deleted++;
            }
          }
        } catch (IOException ignored) {
          // this shard stays as it is
        }
      }
    } catch (IOException ignored) {
      // no cache directory (yet): nothing to sweep
    }
    return deleted;
  }

  /** The cache in {@code dir}, created on the first write. */
  public static DiskCache at(Path dir) {
    return new DiskCache(dir);
  }

  /** {@code ~/.flyte-java/cache}. */
  public static Path defaultDir() {
    return Path.of(System.getProperty("user.home"), ".flyte-java", "cache");
  }

  public Path dir() {
    return dir;
  }

  /** The file of an entry (it may not exist). */
  public Path entryFile(String key) {
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("Cache key [" + key + "] is not a lowercase hex digest");
    }
    return dir.resolve(key.substring(0, 2)).resolve(key + ".entry");
  }

  @Override
  public Optional<LiteralMap> get(String key) {
    Path file = entryFile(key);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return Optional.empty(); // missing (or unreadable): a miss
    }
    LiteralMap outputs = decode(bytes);
    if (outputs == null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // another reader may have removed it; still a miss
      }
      return Optional.empty();
    }
    return Optional.of(outputs);
  }

  /** The entry's outputs, or {@code null} if the bytes are not a complete, intact entry. */
  static LiteralMap decode(byte[] bytes) {
    if (bytes.length < HEADER + DIGEST || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      return null;
    }
    int length = ByteBuffer.wrap(bytes, MAGIC.length, 4).getInt();
    if (length < 0 || bytes.length != HEADER + length + DIGEST) {
      return null;
    }
    MessageDigest sha = CodeHashes.newSha256();
    sha.update(bytes, HEADER, length);
    if (!Arrays.equals(sha.digest(), 0, DIGEST, bytes, HEADER + length, bytes.length)) {
      return null;
    }
    try {
      return LiteralMap.parseFrom(ByteBuffer.wrap(bytes, HEADER, length));
    } catch (IOException e) {
      return null;
    }
  }

  static byte[] encode(LiteralMap outputs) {
    byte[] payload = outputs.toByteArray();
    ByteBuffer buf = ByteBuffer.allocate(HEADER + payload.length + DIGEST);
    buf.put(MAGIC).putInt(payload.length).put(payload).put(CodeHashes.newSha256().digest(payload));
    return buf.array();
  }

  /** Writes the entry atomically (temp file, fsync, atomic rename, fsync of the directory). */
  @Override
  public void put(String key, LiteralMap outputs) {
    Path file = entryFile(key);
    Path tmp = null;
    try {
      Files.createDirectories(file.getParent());
      tmp = file.resolveSibling("." + key + "." + UUID.randomUUID() + ".tmp");
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(encode(outputs));
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("The file system of [" + dir + "] cannot rename atomically", e);
      }
      tmp = null;
      forceDirectory(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write cache entry [" + file + "]", e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // a stray temp file is ignored by readers
        }
      }
    }
  }

  /** Makes the rename durable; not every platform can open a directory, which only weakens durability. */
  private static void forceDirectory(Path d) {
    try (FileChannel ch = FileChannel.open(d, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException ignored) {
      // best effort: the entry is complete either way
    }
  }
}
