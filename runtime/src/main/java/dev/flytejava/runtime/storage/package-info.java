/**
 * Storage for Flyte's data plane: whole objects (inputs, outputs, shipped code) and object trees (FlyteDirectory)
 * on {@code file://} (and plain paths) and {@code s3://} (AWS or any S3-compatible store, such as the MinIO of
 * Flyte's sandbox), other schemes by {@link java.util.ServiceLoader}.
 *
 * <p>{@link dev.flytejava.runtime.storage.Storage} is what callers use: it picks the
 * {@link dev.flytejava.runtime.storage.ObjectStore} for a location's scheme, creating each on first use (so
 * {@code file://} users never start an S3 client), and retries transient failures under one
 * {@link dev.flytejava.runtime.storage.StorageRetries} policy. Stores plug in through
 * {@link dev.flytejava.runtime.storage.ObjectStoreRegistrar}. Failures are
 * {@link dev.flytejava.runtime.storage.StorageException}s naming the operation and the location; a missing object
 * ({@link dev.flytejava.runtime.storage.ObjectNotFoundException}) and a store that did not answer in time
 * ({@link dev.flytejava.runtime.storage.TransientStorageException}) are told apart from other failures.
 * The built-in stores live in the {@code internal} sub-package.
 */
package dev.flytejava.runtime.storage;
