package dev.flytejava.runtime.plugins;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Query rows onto a record by column name (case-insensitive), with the number conversions JDBC drivers need. */
final class SqlRows {
  private SqlRows() {}

  static <R extends Record> List<R> toRecords(String task, List<Map<String, Object>> rows, Class<R> record)
      throws ReflectiveOperationException {
    RecordComponent[] rc = record.getRecordComponents();
    Class<?>[] types = new Class<?>[rc.length];
    for (int i = 0; i < rc.length; i++) {
      types[i] = rc[i].getType();
    }
    Constructor<R> ctor = record.getDeclaredConstructor(types);
    ctor.setAccessible(true);
    List<R> out = new ArrayList<>(rows.size());
    for (int r = 0; r < rows.size(); r++) {
      Map<String, Object> row = rows.get(r);
      Map<String, Object> byName = new java.util.HashMap<>();
      row.forEach((k, v) -> byName.put(k.toLowerCase(Locale.ROOT), v));
      Object[] args = new Object[rc.length];
      for (int i = 0; i < rc.length; i++) {
        String key = rc[i].getName().toLowerCase(Locale.ROOT);
        if (!byName.containsKey(key)) {
          throw new IllegalArgumentException("SQL task [" + task + "]: the query has no column [" + rc[i].getName()
              + "] for record [" + record.getSimpleName() + "]; its columns are " + row.keySet());
        }
        args[i] = convert(byName.get(key), types[i], task, record, rc[i].getName(), r);
      }
      out.add(ctor.newInstance(args));
    }
    return out;
  }

  private static Object convert(Object v, Class<?> to, String task, Class<?> record, String field, int row) {
    if (v == null) {
      if (to.isPrimitive()) {
        throw new IllegalArgumentException("SQL task [" + task + "]: row " + (row + 1) + " has NULL in column [" + field
            + "], which record [" + record.getSimpleName() + "] holds as a " + to.getName());
      }
      return null;
    }
    if ((to == long.class || to == Long.class) && integral(v)) {
      return ((Number) v).longValue();
    }
    if ((to == int.class || to == Integer.class) && integral(v)) {
      return ((Number) v).intValue();
    }
    if ((to == double.class || to == Double.class) && v instanceof Number n) {
      return n.doubleValue();
    }
    if ((to == boolean.class || to == Boolean.class) && (v instanceof Boolean || integral(v))) {
      return v instanceof Boolean b ? b : ((Number) v).longValue() != 0;
    }
    if (to == String.class && v instanceof String) {
      return v;
    }
    if (to.isInstance(v)) {
      return v;
    }
    throw new IllegalArgumentException("SQL task [" + task + "]: row " + (row + 1) + " column [" + field + "] holds ["
        + v + "] (" + v.getClass().getSimpleName() + "), which does not fit " + to.getSimpleName() + " " + field
        + " of record [" + record.getSimpleName() + "]");
  }

  private static boolean integral(Object v) {
    return v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte;
  }
}
