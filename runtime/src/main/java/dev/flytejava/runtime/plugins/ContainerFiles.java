package dev.flytejava.runtime.plugins;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/** Primitive values as text in the raw-container contract's input and output files. */
final class ContainerFiles {
  private ContainerFiles() {}

  static final String SUPPORTED = "long, int, double, boolean and String";
  private static final Set<Class<?>> TYPES = Set.of(long.class, Long.class, int.class, Integer.class, double.class,
      Double.class, boolean.class, Boolean.class, String.class);

  static boolean supports(Class<?> type) {
    return TYPES.contains(type);
  }

  /** As propeller and copilot write primitives: integers in decimal, floats shortest, booleans true/false. */
  static String format(Object value) {
    if (value instanceof Double d) {
      return d.isNaN() || d.isInfinite() ? d.toString() : BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
    return String.valueOf(value);
  }

  /** An output file's text as its type; {@code IllegalArgumentException} naming output and text when it does not parse. */
  static Object parse(String text, Class<?> type, String output) {
    String t = text.strip();
    try {
      if (type == String.class) {
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
      }
      if (type == long.class || type == Long.class) {
        return Long.parseLong(t);
      }
      if (type == int.class || type == Integer.class) {
        return Integer.parseInt(t);
      }
      if (type == double.class || type == Double.class) {
        return Double.parseDouble(t);
      }
      if (type == boolean.class || type == Boolean.class) {
        String b = t.toLowerCase(Locale.ROOT);
        if (b.equals("true") || b.equals("false")) {
          return Boolean.parseBoolean(b);
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("output [" + output + "] holds [" + shorten(t) + "], which is not a "
        + type.getSimpleName());
  }

  private static String shorten(String t) {
    return t.length() <= 80 ? t : t.substring(0, 77) + "...";
  }
}
