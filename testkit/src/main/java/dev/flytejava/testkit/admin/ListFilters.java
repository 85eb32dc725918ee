package dev.flytejava.testkit.admin;

import flyteidl.core.IdentifierOuterClass.Identifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FlyteAdmin's list filters ({@code eq(version,v1)+ne(phase,FAILED)}, common/filters.go): eq, ne, gt, gte, lt,
 * lte, contains and value_in (values split by {@code ;}) on the row's fields; an entity prefix such as
 * {@code execution.phase} is dropped. An unknown function or field is INVALID_ARGUMENT, as FlyteAdmin answers.
 */
record ListFilters(List<Filter> filters) {
  private static final Pattern ONE = Pattern.compile("(\\w+)\\(([\\w.]+),([^)]*)\\)");
  private static final Set<String> FUNCTIONS = Set.of("eq", "ne", "neq", "gt", "gte", "lt", "lte", "contains",
      "value_in");

  record Filter(String function, String field, String value) {
    boolean matches(Map<String, String> fields) {
      String actual = fields.get(field);
      if (actual == null) {
        throw AdminErrors.invalidArgument("invalid filter field %s", field);
      }
      int cmp = actual.compareTo(value);
      switch (function) {
        case "eq": return actual.equals(value);
        case "ne": case "neq": return !actual.equals(value);
        case "gt": return cmp > 0;
        case "gte": return cmp >= 0;
        case "lt": return cmp < 0;
        case "lte": return cmp <= 0;
        case "contains": return actual.contains(value);
        default: return List.of(value.split(";")).contains(actual);
      }
    }
  }

  static ListFilters parse(String expression) {
    List<Filter> out = new ArrayList<>();
    if (expression == null || expression.isBlank()) {
      return new ListFilters(out);
    }
    for (String part : expression.split("\\+")) {
      Matcher m = ONE.matcher(part.trim());
      if (!m.matches() || !FUNCTIONS.contains(m.group(1))) {
        throw AdminErrors.invalidArgument("failed to parse filter expression [%s]", part);
      }
      String field = m.group(2);
      field = field.substring(field.lastIndexOf('.') + 1);
      out.add(new Filter(m.group(1), field, m.group(3)));
    }
    return new ListFilters(out);
  }

  <T> List<T> apply(List<T> rows, Function<T, Map<String, String>> fields) {
    if (filters.isEmpty()) {
      return rows;
    }
    return rows.stream().filter(r -> {
      Map<String, String> f = fields.apply(r);
      return filters.stream().allMatch(filter -> filter.matches(f));
    }).toList();
  }

  static Map<String, String> fields(Identifier id) {
    return Map.of("project", id.getProject(), "domain", id.getDomain(), "name", id.getName(),
        "version", id.getVersion());
  }
}
