package dev.flytejava.runtime.storage;

/**
 * The store could not be reached or asked to come back later: connection refused or reset, a timeout, an HTTP 5xx,
 * throttling. {@link Storage} retries these under its {@link StorageRetries} and throws one with
 * {@link #attempts()} set once it gives up, so a caller can report a recoverable failure.
 */
public class TransientStorageException extends StorageException {
  private final int attempts;

  public TransientStorageException(StorageOperation operation, StorageUri uri, String detail, Throwable cause) {
    this(operation, uri, detail, cause, 1);
  }

  public TransientStorageException(StorageOperation operation, StorageUri uri, String detail, Throwable cause,
      int attempts) {
    super(operation, uri, detail, cause);
    this.attempts = attempts;
  }

  /** How many times the operation was tried before this was thrown (1 when it came straight from a store). */
  public int attempts() {
    return attempts;
  }
}
