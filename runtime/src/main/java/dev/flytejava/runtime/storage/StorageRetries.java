package dev.flytejava.runtime.storage;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link Storage} retries {@link TransientStorageException}s: up to {@link #maxAttempts()} attempts, waiting
 * {@link #initialDelay()} after the first and twice as long after each next one, capped at {@link #maxDelay()},
 * and never starting a wait that would end past {@link #deadline()} from the first attempt. Missing objects and
 * other failures are never retried. The waits go through a {@link Sleeper}, so tests need not sleep.
 */
public final class StorageRetries {

  /** Waits between attempts. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** One storage call, retried as a whole. */
  @FunctionalInterface
  public interface Call<T> {
    T run() throws StorageException;
  }

  private static final Sleeper THREAD_SLEEP = duration -> Thread.sleep(duration.toMillis());

  private final int maxAttempts;
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final Duration deadline;
  private final Sleeper sleeper;

  private StorageRetries(int maxAttempts, Duration initialDelay, Duration maxDelay, Duration deadline,
      Sleeper sleeper) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("Storage retries need at least 1 attempt, got [" + maxAttempts + "]");
    }
    for (Duration duration : new Duration[] {initialDelay, maxDelay, deadline}) {
      if (duration.isNegative()) {
        throw new IllegalArgumentException("Storage retry durations must not be negative, got [" + duration + "]");
      }
    }
    this.maxAttempts = maxAttempts;
    this.initialDelay = initialDelay;
    this.maxDelay = maxDelay;
    this.deadline = deadline;
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /** 4 attempts, waits of 0.25, 0.5 and 1 s (2 s at most), all within 30 s. */
  public static StorageRetries defaults() {
    return new StorageRetries(4, Duration.ofMillis(250), Duration.ofSeconds(2), Duration.ofSeconds(30),
        THREAD_SLEEP);
  }

  /** One attempt only. */
  public static StorageRetries none() {
    return defaults().withMaxAttempts(1);
  }

  public StorageRetries withMaxAttempts(int attempts) {
    return new StorageRetries(attempts, initialDelay, maxDelay, deadline, sleeper);
  }

  public StorageRetries withDelays(Duration initial, Duration max) {
    return new StorageRetries(maxAttempts, initial, max, deadline, sleeper);
  }

  public StorageRetries withDeadline(Duration total) {
    return new StorageRetries(maxAttempts, initialDelay, maxDelay, total, sleeper);
  }

  public StorageRetries withSleeper(Sleeper newSleeper) {
    return new StorageRetries(maxAttempts, initialDelay, maxDelay, deadline, newSleeper);
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration initialDelay() {
    return initialDelay;
  }

  public Duration maxDelay() {
    return maxDelay;
  }

  public Duration deadline() {
    return deadline;
  }

  /** The wait after attempt {@code attempt} (from 1) failed. */
  public Duration delayAfter(int attempt) {
    Duration delay = initialDelay;
    for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }

  /**
   * Runs {@code call}, retrying transient failures. When it gives up, throws a {@link TransientStorageException}
   * saying after how many attempts and how long, with the last failure as its cause.
   */
  public <T> T run(Call<T> call) throws StorageException {
    long start = System.nanoTime();
    Duration waited = Duration.ZERO;
    for (int attempt = 1; ; attempt++) {
      try {
        return call.run();
      } catch (TransientStorageException e) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        Duration spent = elapsed.compareTo(waited) > 0 ? elapsed : waited; // waits count even if a sleeper skips them
        Duration delay = delayAfter(attempt);
        if (attempt >= maxAttempts || spent.plus(delay).compareTo(deadline) > 0) {
          throw gaveUp(e, attempt, elapsed);
        }
        try {
          sleeper.sleep(delay);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw gaveUp(e, attempt, elapsed);
        }
        waited = waited.plus(delay);
      }
    }
  }

  private static TransientStorageException gaveUp(TransientStorageException last, int attempts, Duration elapsed) {
    if (attempts == 1) {
      return last;
    }
    return new TransientStorageException(last.operation(), last.uri(), last.detail() + " (gave up after " + attempts
        + " attempts in " + elapsed.toMillis() + " ms)", last, attempts);
  }

  @Override
  public String toString() {
    return "StorageRetries[maxAttempts=" + maxAttempts + ", initialDelay=" + initialDelay + ", maxDelay=" + maxDelay
        + ", deadline=" + deadline + "]";
  }
}
