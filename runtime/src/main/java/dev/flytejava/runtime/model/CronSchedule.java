package dev.flytejava.runtime.model;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A launch plan's cron schedule, validated when created: five fields (minute hour day-of-month month
 * day-of-week) with {@code *}, numbers, ranges {@code a-b}, steps {@code x/n}, lists {@code a,b}, month names
 * {@code JAN-DEC}, day names {@code SUN-SAT} and {@code ?} in the day fields, or one of Flyte's aliases
 * ({@code @hourly}, {@code @daily}, {@code @weekly}, {@code @monthly}, {@code @yearly}, {@code @annually}).
 */
public record CronSchedule(String expression) {

  private static final Set<String> ALIASES =
      Set.of("@hourly", "@daily", "@weekly", "@monthly", "@yearly", "@annually", "@midnight");
  private static final List<String> FIELDS = List.of("minute", "hour", "day-of-month", "month", "day-of-week");
  private static final int[][] RANGES = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 7}};
  private static final List<String> MONTHS =
      List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

  public CronSchedule {
    Names.requireNonBlank(expression, "cron expression");
    expression = expression.trim();
    validate(expression);
  }

  private static void validate(String expr) {
    if (expr.startsWith("@")) {
      if (!ALIASES.contains(expr.toLowerCase(Locale.ROOT))) {
        throw invalid(expr, "unknown alias, use one of " + ALIASES);
      }
      return;
    }
    String[] fields = expr.split("\\s+");
    if (fields.length != 5) {
      throw invalid(expr, "expected 5 fields (minute hour day-of-month month day-of-week) but got "
          + fields.length);
    }
    for (int i = 0; i < 5; i++) {
      for (String part : fields[i].split(",", -1)) {
        validatePart(expr, i, part);
      }
    }
  }

  private static void validatePart(String expr, int field, String part) {
    String where = FIELDS.get(field) + " field [" + part + "]";
    if (part.isEmpty()) {
      throw invalid(expr, "empty item in " + where);
    }
    String range = part;
    int slash = part.indexOf('/');
    if (slash >= 0) {
      range = part.substring(0, slash);
      int step = number(expr, part.substring(slash + 1), where);
      if (step <= 0) {
        throw invalid(expr, "step must be positive in " + where);
      }
    }
    if (range.equals("*") || (range.equals("?") && (field == 2 || field == 4))) {
      return;
    }
    String[] bounds = range.split("-", -1);
    if (bounds.length > 2) {
      throw invalid(expr, "bad range in " + where);
    }
    int lo = value(expr, field, bounds[0], where);
    int hi = bounds.length == 2 ? value(expr, field, bounds[1], where) : lo;
    if (lo > hi) {
      throw invalid(expr, "range start after end in " + where);
    }
  }

  private static int value(String expr, int field, String text, String where) {
    String upper = text.toUpperCase(Locale.ROOT);
    Map<Integer, List<String>> names = Map.of(3, MONTHS, 4, DAYS);
    List<String> named = names.get(field);
    if (named != null && named.contains(upper)) {
      return named.indexOf(upper) + (field == 3 ? 1 : 0);
    }
    int v = number(expr, text, where);
    if (v < RANGES[field][0] || v > RANGES[field][1]) {
      throw invalid(expr, "value [" + v + "] out of range " + RANGES[field][0] + "-" + RANGES[field][1] + " in "
          + where);
    }
    return v;
  }

  private static int number(String expr, String text, String where) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw invalid(expr, "[" + text + "] is not a number in " + where);
    }
  }

  private static IllegalArgumentException invalid(String expr, String why) {
    return new IllegalArgumentException("Invalid cron schedule [" + expr + "]: " + why);
  }
}
