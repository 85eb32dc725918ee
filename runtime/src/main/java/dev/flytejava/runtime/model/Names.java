package dev.flytejava.runtime.model;

/** Name checks shared by the model's compact constructors. */
final class Names {
  private Names() {}

  static String requireNonBlank(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
    return value;
  }

  /** Flyte variable and node names: a letter or underscore, then letters, digits, '_' or '-'. */
  static String requireIdentifier(String value, String what) {
    requireNonBlank(value, what);
    char first = value.charAt(0);
    boolean ok = Character.isLetter(first) || first == '_';
    for (int i = 1; ok && i < value.length(); i++) {
      char c = value.charAt(i);
      ok = Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }
    if (!ok) {
      throw new IllegalArgumentException(
          "Invalid " + what + " [" + value + "]: use a letter or '_' then letters, digits, '_' or '-'");
    }
    return value;
  }
}
