package dev.flytejava.testkit.admin;

import java.util.List;

/** FlyteAdmin's list paging: {@code limit} rows from the offset the {@code token} names; the next token or "". */
record Pages<T>(List<T> rows, String nextToken) {
  static <T> Pages<T> of(List<T> all, int limit, String token) {
    if (limit <= 0) {
      throw AdminErrors.invalidArgument("invalid value for limit");
    }
    int offset;
    try {
      offset = token == null || token.isEmpty() ? 0 : Integer.parseInt(token);
    } catch (NumberFormatException e) {
      throw AdminErrors.invalidArgument("invalid pagination token %s", token);
    }
    int end = Math.min(all.size(), offset + limit);
    List<T> rows = offset >= all.size() ? List.of() : all.subList(offset, end);
    return new Pages<>(List.copyOf(rows), end < all.size() ? Integer.toString(end) : "");
  }
}
