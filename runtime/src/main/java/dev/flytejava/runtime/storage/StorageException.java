package dev.flytejava.runtime.storage;

import java.io.IOException;
import java.util.Objects;

/**
 * A storage call failed for a reason that retrying will not fix: access denied, no such bucket, a bad
 * configuration, a full disk. Names the operation and the location; keeps the store's own error as the cause.
 * Its subclasses tell a {@linkplain ObjectNotFoundException missing object} and a
 * {@linkplain TransientStorageException store that did not answer} apart from these.
 */
public class StorageException extends IOException {
  private final StorageOperation operation;
  private final StorageUri uri;
  private final String detail;

  public StorageException(StorageOperation operation, StorageUri uri, String detail, Throwable cause) {
    super("Storage " + operation.label() + " of [" + uri + "] failed: " + detail, cause);
    this.operation = Objects.requireNonNull(operation, "operation");
    this.uri = Objects.requireNonNull(uri, "uri");
    this.detail = detail;
  }

  public StorageOperation operation() {
    return operation;
  }

  /** The location the operation was about (for a copy, its source). */
  public StorageUri uri() {
    return uri;
  }

  /** What went wrong, without the operation and location. */
  public String detail() {
    return detail;
  }
}
