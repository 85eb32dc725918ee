package dev.flytejava.runtime.plugins;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * A query template with {@code {{.inputs.NAME}}} references, prepared with one {@code ?} per reference and the
 * inputs bound by JDBC: a value can never change the statement. The driver is the first on the class loader that
 * accepts the URL (so a driver added with {@code %maven} is found; {@code DriverManager} would only see drivers of
 * its caller's loader).
 */
final class SqlQuery {
  static final String BINDABLE = "long, int, double, boolean and String";
  private static final Set<Class<?>> TYPES = Set.of(long.class, Long.class, int.class, Integer.class, double.class,
      Double.class, boolean.class, Boolean.class, String.class);

  private final String task;
  private final String template;
  private final String sql;
  private final List<String> parameters;

  private SqlQuery(String task, String template, String sql, List<String> parameters) {
    this.task = task;
    this.template = template;
    this.sql = sql;
    this.parameters = parameters;
  }

  static boolean bindable(Class<?> type) {
    return TYPES.contains(type);
  }

  /** The query of a task; a reference to an undeclared input is an error naming it. */
  static SqlQuery parse(String task, String template, Collection<String> inputs) {
    String t = template.strip();
    if (t.isEmpty()) {
      throw new IllegalArgumentException("SQL task [" + task + "] has no query");
    }
    for (String ref : Templates.inputNames(t)) {
      if (!inputs.contains(ref)) {
        throw new IllegalArgumentException("SQL task [" + task + "]: the query uses {{.inputs." + ref
            + "}} but the task's inputs are " + inputs);
      }
    }
    return new SqlQuery(task, t, Templates.replace(t, name -> "?"), Templates.inputNames(t));
  }

  String template() {
    return template;
  }

  /** Runs the query with the given input values; rows as maps from column label to value, in column order. */
  List<Map<String, Object>> run(String url, Map<String, Object> values, ClassLoader loader) throws SQLException {
    try (Connection c = connect(url, loader); PreparedStatement s = prepare(c)) {
      for (int i = 0; i < parameters.size(); i++) {
        bind(s, i + 1, parameters.get(i), values.get(parameters.get(i)));
      }
      List<Map<String, Object>> rows = new ArrayList<>();
      if (!s.execute()) {
        return rows; // an update or DDL statement: no rows
      }
      try (ResultSet rs = s.getResultSet()) {
        ResultSetMetaData md = rs.getMetaData();
        while (rs.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int col = 1; col <= md.getColumnCount(); col++) {
            row.put(md.getColumnLabel(col), rs.getObject(col));
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }

  private PreparedStatement prepare(Connection c) throws SQLException {
    try {
      return c.prepareStatement(sql);
    } catch (SQLException e) {
      throw new SQLException("the query does not compile: " + e.getMessage() + "\n  query: " + template, e.getSQLState(), e);
    }
  }

  private void bind(PreparedStatement s, int index, String input, Object value) throws SQLException {
    if (value == null) {
      throw new IllegalArgumentException("input [" + input + "] of SQL task [" + task + "] is null");
    }
    if (value instanceof Long l) {
      s.setLong(index, l);
    } else if (value instanceof Integer i) {
      s.setInt(index, i);
    } else if (value instanceof Double d) {
      s.setDouble(index, d);
    } else if (value instanceof Boolean b) {
      s.setBoolean(index, b);
    } else if (value instanceof String str) {
      s.setString(index, str);
    } else {
      throw new IllegalArgumentException("input [" + input + "] of SQL task [" + task + "] is a "
          + value.getClass().getName() + "; a query binds " + BINDABLE);
    }
  }

  private Connection connect(String url, ClassLoader loader) throws SQLException {
    ClassLoader l = loader != null ? loader : SqlQuery.class.getClassLoader();
    for (Driver d : ServiceLoader.load(Driver.class, l)) {
      if (d.acceptsURL(url)) {
        Connection c = d.connect(url, new Properties());
        if (c != null) {
          return c;
        }
      }
    }
    if (l != SqlQuery.class.getClassLoader()) {
      return connect(url, SqlQuery.class.getClassLoader());
    }
    throw new SQLException("no JDBC driver accepts [" + url + "]; SQLite is built in, other databases need their"
        + " driver on the class path (%maven GROUP:ARTIFACT:VERSION)");
  }
}
