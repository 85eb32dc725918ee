package dev.flytejava.runtime.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content hashes of code, used as the code part of cache keys. */
public final class CodeHashes {
  private CodeHashes() {}

  /** SHA-256 hex of a text (magics hash a cell's source with this). */
  public static String ofText(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * SHA-256 hex of the class file a class was loaded from; for a lambda or other hidden class, the class file of
   * the class that declares it (where the lambda's code lives). {@code null} when the bytes cannot be read.
   */
  public static String ofClass(Class<?> type) {
    String name = type.getName();
    int lambda = name.indexOf("$$Lambda");
    if (lambda >= 0) {
      name = name.substring(0, lambda);
    }
    ClassLoader loader = type.getClassLoader();
    if (loader == null) {
      return null;
    }
    try (InputStream in = loader.getResourceAsStream(name.replace('.', '/') + ".class")) {
      return in == null ? null : sha256(in.readAllBytes());
    } catch (IOException e) {
      return null;
    }
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(newSha256().digest(bytes));
  }

  /** A fresh SHA-256 digest (every JVM has one): code hashes, cache keys and cache entries use it. */
  public static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
