package dev.flytejava.testkit.admin;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks the data proxy's URLs as a store's presigned URLs work: the object key, the expiry and the
 * expected Content-MD5 under an HMAC of a key made when the server starts, so a URL cannot be altered or reused
 * for another object or after it expires.
 */
final class SignedUrls {
  private final byte[] key = new byte[32];

  SignedUrls() {
    new SecureRandom().nextBytes(key);
  }

  String sign(String objectKey, Instant expires, String contentMd5) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] sig = mac.doFinal((objectKey + "\n" + expires.getEpochSecond() + "\n" + contentMd5)
          .getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  boolean valid(String objectKey, Instant expires, String contentMd5, String signature) {
    return MessageDigest.isEqual(sign(objectKey, expires, contentMd5).getBytes(StandardCharsets.UTF_8),
        signature.getBytes(StandardCharsets.UTF_8));
  }
}
