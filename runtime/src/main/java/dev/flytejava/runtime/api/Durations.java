package dev.flytejava.runtime.api;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the duration forms of task options: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code PT5M}. */
public final class Durations {
  private static final Pattern SHORT = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private Durations() {}

  public static Duration parse(String text) {
    String t = text.trim();
    Matcher m = SHORT.matcher(t);
    if (m.matches()) {
      long v = Long.parseLong(m.group(1));
      switch (m.group(2)) {
        case "ms": return Duration.ofMillis(v);
        case "s": return Duration.ofSeconds(v);
        case "m": return Duration.ofMinutes(v);
        case "h": return Duration.ofHours(v);
        default: return Duration.ofDays(v);
      }
    }
    try {
      return Duration.parse(t);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("Invalid duration [" + text + "]: use 500ms, 30s, 5m, 2h, 1d or ISO-8601"
          + " such as PT5M", e);
    }
  }
}
