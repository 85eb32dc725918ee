package dev.flytejava.runtime.storage.internal;

import dev.flytejava.runtime.storage.ObjectStore;
import dev.flytejava.runtime.storage.ObjectStoreRegistrar;
import dev.flytejava.runtime.storage.StorageContext;
import dev.flytejava.runtime.storage.StorageUri;

/** Registers {@link LocalObjectStore} for {@code file} (plain paths parse as {@code file} locations). */
public final class LocalObjectStoreRegistrar implements ObjectStoreRegistrar {

  @Override
  public String scheme() {
    return StorageUri.FILE;
  }

  @Override
  public ObjectStore create(StorageContext context) {
    return new LocalObjectStore();
  }
}
