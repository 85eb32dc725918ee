package dev.flytejava.runtime.api;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the duration forms of task options: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d},
 * several of them run together ({@code 1h30m}), or ISO-8601 such as {@code PT5M}.
 */
public final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private Durations() {}

  public static Duration parse(String text) {
    String t = text.trim();
    Duration parts = sumOfParts(t);
    if (parts != null) return parts;
    try {
      return Duration.parse(t);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Invalid duration [" + text + "]: use 500ms, 30s, 5m, 2h, 1d or ISO-8601"
          + " such as PT5M", e);
    }
  }

  /** The sum of {@code t}'s short parts, or null unless {@code t} is one or more of them and nothing else. */
  private static Duration sumOfParts(String t) {
    Matcher m = PART.matcher(t);
    Duration total = Duration.ZERO;
    int at = 0;
    while (at < t.length() && m.region(at, t.length()).lookingAt()) {
      long v = Long.parseLong(m.group(1));
      total = total.plus(switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(v);
        case "s" -> Duration.ofSeconds(v);
        case "m" -> Duration.ofMinutes(v);
        case "h" -> Duration.ofHours(v);
        default -> Duration.ofDays(v);
      });
      at = m.end();
    }
    return at > 0 && at == t.length() ? total : null;
  }
}
