package dev.flytejava.runtime.plugins;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.flytejava.runtime.idl.EntrypointArgs;
import dev.flytejava.runtime.model.BuiltinTasks;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.TaskOptions;
import dev.flytejava.runtime.model.TypedInterface;
import dev.flytejava.runtime.model.Variable;
import dev.flytejava.runtime.types.JavaTypes;
import flyteidl.core.Tasks.Container;
import flyteidl.core.Tasks.TaskTemplate;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pre-built SQL task ({@code %%sql_task}): a query over JDBC whose {@code {{.inputs.NAME}}} references are bound
 * as parameters ({@link SqlQuery}), never spliced into the SQL. Rows map by column name onto a record; output
 * {@code o0} is {@code List<ROW>}, or {@code List<Map<String, Object>>} without a row record.
 *
 * <p>Remotely it is a task of type {@value #TASK_TYPE} with the query and database URL in {@code custom} (as
 * flytekit's {@code SQLite3Task} keeps {@code query_template} and {@code uri}), run from its template by the runtime
 * image's entrypoint ({@code flyte-java entrypoint --task flyte-java.from-template --code {{.taskTemplatePath}}});
 * it ships no code.
 */
public final class SqlTask implements PluginBody {
  public static final String TASK_TYPE = "flyte-java-sql";
  /** Where propeller writes the task's template for the pod (flytekit's shim tasks read theirs from there too). */
  public static final String TASK_TEMPLATE_PATH = "{{.taskTemplatePath}}";

  private final String name;
  private final String url;
  private final SqlQuery query;
  private final List<Variable> inputs;
  private final Class<? extends Record> row;

  private SqlTask(String name, String url, SqlQuery query, List<Variable> inputs, Class<? extends Record> row) {
    this.name = name;
    this.url = url;
    this.query = query;
    this.inputs = inputs;
    this.row = row;
  }

  /** The task; {@code row} may be null (rows come back as maps). Every referenced input must be declared. */
  public static Task task(String name, String url, String sql, Map<String, Class<?>> inputs, Class<? extends Record> row,
      TaskOptions options) {
    if (url == null || !url.startsWith("jdbc:")) {
      throw new IllegalArgumentException("SQL task [" + name + "] needs --db with a JDBC URL (jdbc:sqlite:/path/db), got ["
          + url + "]");
    }
    List<Variable> in = new ArrayList<>();
    inputs.forEach((n, t) -> {
      if (!SqlQuery.bindable(t)) {
        throw new IllegalArgumentException("SQL task [" + name + "]: input [" + n + "] has type [" + t.getName()
            + "]; a query binds " + SqlQuery.BINDABLE);
      }
      in.add(new Variable(n, t));
    });
    SqlQuery query = SqlQuery.parse(name, sql, inputs.keySet());
    Type rowType = row == null ? JavaTypes.mapOf(Object.class) : row;
    TypedInterface iface = new TypedInterface(in, List.of(new Variable(TypedInterface.SINGLE_OUTPUT, JavaTypes.listOf(rowType))),
        null);
    String hash = "sql:" + url + ":" + query.template() + ":" + (row == null ? "maps" : row.getName());
    return new Task(name, iface, options, hash, new SqlTask(name, url, query, in, row));
  }

  @Override
  public Object run(Object[] values) throws Exception {
    List<Map<String, Object>> rows = query.run(url, bindings(values), Thread.currentThread().getContextClassLoader());
    return row == null ? rows : SqlRows.toRecords(name, rows, row);
  }

  private Map<String, Object> bindings(Object[] values) {
    Map<String, Object> named = new java.util.LinkedHashMap<>();
    for (int i = 0; i < values.length; i++) {
      named.put(inputs.get(i).name(), values[i]);
    }
    return named;
  }

  @Override
  public String taskType() {
    return TASK_TYPE;
  }

  @Override
  public void shape(TaskTemplate.Builder template) {
    Container.Builder c = template.getContainerBuilder();
    c.clearArgs().addAllArgs(entrypointArgs());
    template.setType(TASK_TYPE).setCustom(custom(url, query.template()));
  }

  /** The runtime image's entrypoint, running the task from its template (propeller writes it for the pod). */
  static List<String> entrypointArgs() {
    return List.of("flyte-java", "entrypoint",
        "--task", BuiltinTasks.FROM_TEMPLATE,
        "--code", TASK_TEMPLATE_PATH,
        "--inputs", EntrypointArgs.INPUTS,
        "--output-prefix", EntrypointArgs.OUTPUT_PREFIX,
        "--raw-output-data-prefix", EntrypointArgs.RAW_OUTPUT_DATA_PREFIX);
  }

  static Struct custom(String url, String queryTemplate) {
    return Struct.newBuilder()
        .putFields("query_template", Value.newBuilder().setStringValue(queryTemplate).build())
        .putFields("uri", Value.newBuilder().setStringValue(url).build())
        .build();
  }
}
