package dev.flytejava.runtime.remote;

import java.time.Duration;

/**
 * How calls to FlyteAdmin are retried: UNAVAILABLE and DEADLINE_EXCEEDED again after a doubling backoff, each
 * attempt with its own deadline, all of them within {@code overall}.
 */
public record RetryPolicy(Duration perCall, Duration overall, Duration firstBackoff, Duration maxBackoff) {
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMillis(200), Duration.ofSeconds(5));

  public RetryPolicy withOverall(Duration overall) {
    return new RetryPolicy(perCall.compareTo(overall) < 0 ? perCall : overall, overall, firstBackoff, maxBackoff);
  }
}
