package dev.flytejava.runtime.storage;

/**
 * Finds an {@link ObjectStore} for one URI scheme, through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.flytejava.runtime.storage.ObjectStoreRegistrar}). {@link Storage} asks for the
 * scheme up front and creates the store only when a location of that scheme is first used, so a registrar must
 * not touch its store's libraries until {@link #create} is called.
 */
public interface ObjectStoreRegistrar {

  /** The URI scheme served, such as {@code s3}. */
  String scheme();

  /** Creates the store; called once per {@link Storage}, on the first use of the scheme. */
  ObjectStore create(StorageContext context);
}
