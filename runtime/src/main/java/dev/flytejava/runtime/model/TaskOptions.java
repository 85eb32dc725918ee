package dev.flytejava.runtime.model;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a task runs, as set by {@code %%task} options: cache version ({@code null} = not cached), retries
 * (extra attempts after the first), timeout per attempt ({@code null} = none), container image
 * ({@code null} = the default image), resource requests and limits ({@code cpu=1}, {@code mem=1Gi}),
 * environment variables and decorators (outermost first). Immutable; the {@code with...} methods copy.
 */
public record TaskOptions(
    String cacheVersion,
    int retries,
    Duration timeout,
    String image,
    Map<String, String> requests,
    Map<String, String> limits,
    Map<String, String> env,
    List<TaskDecorator> decorators) {

  private static final TaskOptions DEFAULTS =
      new TaskOptions(null, 0, null, null, Map.of(), Map.of(), Map.of(), List.of());

  public TaskOptions {
    if (cacheVersion != null && cacheVersion.isBlank()) {
      throw new IllegalArgumentException("cache version must not be blank (use null for no cache)");
    }
    if (retries < 0) {
      throw new IllegalArgumentException("retries must be >= 0 but was [" + retries + "]");
    }
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new IllegalArgumentException("timeout must be positive but was [" + timeout + "]");
    }
    requests = ordered(requests);
    limits = ordered(limits);
    env = ordered(env);
    decorators = List.copyOf(decorators);
  }

  public static TaskOptions defaults() {
    return DEFAULTS;
  }

  public boolean cached() {
    return cacheVersion != null;
  }

  public TaskOptions withCache(String version) {
    return new TaskOptions(version, retries, timeout, image, requests, limits, env, decorators);
  }

  public TaskOptions withRetries(int n) {
    return new TaskOptions(cacheVersion, n, timeout, image, requests, limits, env, decorators);
  }

  public TaskOptions withTimeout(Duration d) {
    return new TaskOptions(cacheVersion, retries, d, image, requests, limits, env, decorators);
  }

  public TaskOptions withImage(String i) {
    return new TaskOptions(cacheVersion, retries, timeout, i, requests, limits, env, decorators);
  }

  public TaskOptions withRequests(Map<String, String> r) {
    return new TaskOptions(cacheVersion, retries, timeout, image, r, limits, env, decorators);
  }

  public TaskOptions withLimits(Map<String, String> l) {
    return new TaskOptions(cacheVersion, retries, timeout, image, requests, l, env, decorators);
  }

  public TaskOptions withEnv(Map<String, String> e) {
    return new TaskOptions(cacheVersion, retries, timeout, image, requests, limits, e, decorators);
  }

  public TaskOptions withDecorators(List<TaskDecorator> d) {
    return new TaskOptions(cacheVersion, retries, timeout, image, requests, limits, env, d);
  }

  private static Map<String, String> ordered(Map<String, String> m) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }
}
