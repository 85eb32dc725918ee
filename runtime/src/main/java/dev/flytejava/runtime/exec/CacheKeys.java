package dev.flytejava.runtime.exec;

import com.google.protobuf.CodedOutputStream;
import dev.flytejava.runtime.model.CodeHashes;
import flyteidl.core.Literals.LiteralMap;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Cache keys: SHA-256 over task name, cache version, code hash and the inputs' deterministic bytes. */
public final class CacheKeys {
  private CacheKeys() {}

  /**
   * The key of one task call. The inputs are serialized with protobuf's deterministic serialization, which
   * sorts map entries (the LiteralMap's and nested literal maps'), so equal inputs give equal keys.
   */
  public static String of(String taskName, String cacheVersion, String codeHash, LiteralMap inputs) {
    MessageDigest sha = CodeHashes.newSha256();
    for (String part : new String[] {"flyte-java-cache/1", taskName, cacheVersion, codeHash}) {
      sha.update(part.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
    }
    sha.update(deterministicBytes(inputs));
    return HexFormat.of().formatHex(sha.digest());
  }

  static byte[] deterministicBytes(LiteralMap map) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(map.getSerializedSize() + 16);
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      out.useDeterministicSerialization();
      map.writeTo(out);
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
