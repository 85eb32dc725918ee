package dev.flytejava.runtime.exec;

import flyteidl.core.Literals.LiteralMap;
import java.util.Optional;

/**
 * Stores task outputs by cache key ({@link CacheKeys#of}: task name, cache version, code hash and the inputs'
 * deterministic literal bytes). Only tasks with a cache version are looked up. Implementations must be
 * thread-safe; a failing or corrupt store is a miss, never an error of the execution.
 */
public interface TaskCache {
  Optional<LiteralMap> get(String key);

  void put(String key, LiteralMap outputs);

  /** A cache that stores nothing. */
  static TaskCache none() {
    return NoCache.INSTANCE;
  }

  /** The no-op cache. */
  enum NoCache implements TaskCache {
    INSTANCE;

    @Override
    public Optional<LiteralMap> get(String key) {
      return Optional.empty();
    }

    @Override
    public void put(String key, LiteralMap outputs) {}
  }
}
