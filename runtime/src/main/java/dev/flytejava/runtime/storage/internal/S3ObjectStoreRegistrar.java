package dev.flytejava.runtime.storage.internal;

import dev.flytejava.runtime.storage.ObjectStore;
import dev.flytejava.runtime.storage.ObjectStoreRegistrar;
import dev.flytejava.runtime.storage.S3Settings;
import dev.flytejava.runtime.storage.StorageContext;

/**
 * Registers {@link S3ObjectStore} for {@code s3}, with the {@link S3Settings} given to the storage builder, each
 * unset field taken from the environment ({@link S3Settings#fromEnvironment}). Touches no AWS SDK class until the
 * store's first request.
 */
public final class S3ObjectStoreRegistrar implements ObjectStoreRegistrar {

  @Override
  public String scheme() {
    return "s3";
  }

  @Override
  public ObjectStore create(StorageContext context) {
    S3Settings fromEnvironment = S3Settings.fromEnvironment(context.environment());
    S3Settings settings = context.settings(S3Settings.class).map(given -> given.orElse(fromEnvironment))
        .orElse(fromEnvironment);
    return new S3ObjectStore(settings);
  }
}
