package dev.flytejava.runtime.storage;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@link ObjectStoreRegistrar} gets to create its store: the process environment (as a map, so tests and
 * callers can give another one) and settings objects given to {@link Storage.Builder#settings}, one per type
 * (such as {@link S3Settings}).
 */
public final class StorageContext {
  private final Map<String, String> environment;
  private final Map<Class<?>, Object> settings;

  StorageContext(Map<String, String> environment, Map<Class<?>, Object> settings) {
    this.environment = Map.copyOf(environment);
    this.settings = Map.copyOf(settings);
  }

  /** Environment variables, such as {@code FLYTE_AWS_ENDPOINT}. */
  public Map<String, String> environment() {
    return environment;
  }

  /** The settings of this type given to the builder, if any. */
  public <T> Optional<T> settings(Class<T> type) {
    Objects.requireNonNull(type, "type");
    return Optional.ofNullable(settings.get(type)).map(type::cast);
  }
}
