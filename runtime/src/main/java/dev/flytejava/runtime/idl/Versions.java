package dev.flytejava.runtime.idl;

import dev.flytejava.runtime.model.CodeHashes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

/**
 * Default versions: a content hash of the shipped code's digest and of the specs, so that unchanged code and
 * entities always get the same version and any change gets a new one.
 *
 * <p>The hash is SHA-256 over the code digest and each spec's deterministic bytes, taken with blank project,
 * domain and version (so the version does not depend on where the entities are registered); it is written as
 * flytekit writes its own hash versions, URL-safe base64 of 16 bytes without padding (22 characters).
 */
public final class Versions {
  private Versions() {}

  /** The version of {@code specs}, whose identifiers must still be blank, shipped with code of {@code codeDigest}. */
  public static String contentHash(String codeDigest, List<CompiledSpec> specs) {
    MessageDigest sha = CodeHashes.newSha256();
    sha.update("flyte-java-version/1".getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
    sha.update(codeDigest.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
    for (CompiledSpec spec : specs) {
      byte[] bytes = Protos.deterministicBytes(spec.message());
      sha.update((byte) spec.kind().ordinal());
      sha.update(intBytes(bytes.length));
      sha.update(bytes);
    }
    byte[] digest = sha.digest();
    return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 16));
  }

  private static byte[] intBytes(int n) {
    return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
  }
}
