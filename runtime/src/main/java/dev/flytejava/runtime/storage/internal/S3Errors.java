package dev.flytejava.runtime.storage.internal;

import dev.flytejava.runtime.storage.ObjectNotFoundException;
import dev.flytejava.runtime.storage.StorageException;
import dev.flytejava.runtime.storage.StorageOperation;
import dev.flytejava.runtime.storage.StorageUri;
import dev.flytejava.runtime.storage.TransientStorageException;
import java.io.IOException;
import java.util.Set;
import javax.net.ssl.SSLHandshakeException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The AWS SDK's exceptions as {@link StorageException}s: missing, transient, or other. */
final class S3Errors {
  /** Error codes S3 (and compatible stores) answer when the request may work later. */
  private static final Set<String> TRANSIENT_CODES = Set.of("SlowDown", "Throttling", "ThrottlingException",
      "RequestTimeout", "RequestTimeTooSkewed", "InternalError", "ServiceUnavailable", "RequestLimitExceeded");

  private S3Errors() {}

  static StorageException translate(StorageOperation operation, StorageUri uri, SdkException e) {
    if (e instanceof NoSuchKeyException) {
      return new ObjectNotFoundException(operation, uri, e);
    }
    if (e instanceof S3Exception s3) {
      int status = s3.statusCode();
      String code = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
      String said = "S3 answered HTTP " + status + (code == null ? "" : " " + code)
          + (s3.awsErrorDetails() == null || s3.awsErrorDetails().errorMessage() == null ? ""
              : ": " + s3.awsErrorDetails().errorMessage());
      if ("NoSuchBucket".equals(code)) {
        return new StorageException(operation, uri, "no bucket [" + uri.authority() + "] (" + said + ")", e);
      }
      if (status == 404 && (code == null || "NoSuchKey".equals(code) || "NotFound".equals(code))) {
        return new ObjectNotFoundException(operation, uri, e);
      }
      if (status >= 500 || status == 429 || TRANSIENT_CODES.contains(code)) {
        return new TransientStorageException(operation, uri, said, e);
      }
      return new StorageException(operation, uri, said, e);
    }
    if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException
        || e instanceof SdkClientException && hasIoCause(e)) {
      return new TransientStorageException(operation, uri, rootMessage(e), e);
    }
    return new StorageException(operation, uri, rootMessage(e), e);
  }

  /** An I/O failure while streaming an object's bytes: the connection broke, so it is worth another try. */
  static StorageException translate(StorageOperation operation, StorageUri uri, IOException e) {
    return e instanceof StorageException storage ? storage
        : new TransientStorageException(operation, uri, e.toString(), e);
  }

  private static boolean hasIoCause(Throwable e) {
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof SSLHandshakeException) {
        return false; // a certificate that does not verify will not verify next time either
      }
      if (cause instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    String message = e.getMessage();
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e || message != null && message.contains(String.valueOf(root.getMessage())) ? message
        : message + " (" + root + ")";
  }
}
