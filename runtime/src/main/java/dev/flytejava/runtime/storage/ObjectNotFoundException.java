package dev.flytejava.runtime.storage;

/**
 * No object at the location: the store answered, and there is nothing there. Never retried. For the in-container
 * entrypoint this is missing code or inputs, not a storage outage.
 */
public class ObjectNotFoundException extends StorageException {

  public ObjectNotFoundException(StorageOperation operation, StorageUri uri, Throwable cause) {
    super(operation, uri, "no object there", cause);
  }
}
