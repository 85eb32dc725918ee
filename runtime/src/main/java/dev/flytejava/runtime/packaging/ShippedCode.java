package dev.flytejava.runtime.packaging;

import dev.flytejava.runtime.packaging.internal.TarWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * The code a package ships: a gzip'd tar and its digest, which names it in the package ({@code fast<digest>.tar.gz},
 * the name flytectl looks for) and is part of the default version.
 *
 * <p>{@link #of(Map)} builds both from files as {@code pyflyte package --copy all} builds its fast archive: entries
 * sorted by path, no folder entries, mode 0644, mtime 1980-01-01, uid and gid 0; the digest is the MD5 hex digest
 * over the files in path order of each file's bytes followed by its path without separators.
 */
public record ShippedCode(byte[] tarGz, String digest) {
  private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{8,128}");

  public ShippedCode {
    Objects.requireNonNull(tarGz, "tarGz");
    if (digest == null || !DIGEST.matcher(digest).matches()) {
      throw new IllegalArgumentException("The digest of shipped code must be 8 to 128 lower-case hex digits but was ["
          + digest + "]");
    }
  }

  /** The archive of {@code files} (relative {@code /}-separated path to bytes) and its pyflyte-style digest. */
  public static ShippedCode of(Map<String, byte[]> files) {
    if (files.isEmpty()) {
      throw new IllegalArgumentException("Shipped code needs at least one file");
    }
    TreeMap<String, byte[]> sorted = new TreeMap<>();
    files.forEach((path, bytes) -> sorted.put(checkPath(path), Objects.requireNonNull(bytes, path)));
    MessageDigest md5 = md5();
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(buffer); TarWriter tar = new TarWriter(gzip)) {
      for (Map.Entry<String, byte[]> e : sorted.entrySet()) {
        md5.update(e.getValue());
        md5.update(e.getKey().replace("/", "").getBytes(StandardCharsets.UTF_8));
        tar.add(e.getKey(), e.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in-memory streams do not throw
    }
    return new ShippedCode(buffer.toByteArray(), HexFormat.of().formatHex(md5.digest()));
  }

  /** The archive's name inside a package, as pyflyte names it and flytectl recognizes it. */
  public String fileName() {
    return "fast" + digest + ".tar.gz";
  }

  private static String checkPath(String path) {
    if (path == null || path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.contains("\\")
        || ("/" + path + "/").contains("/../") || ("/" + path + "/").contains("/./") || path.contains("//")) {
      throw new IllegalArgumentException("A shipped file needs a relative '/'-separated path without '.' or '..'"
          + " parts, but was [" + path + "]");
    }
    return path;
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is missing from this JVM", e);
    }
  }
}
