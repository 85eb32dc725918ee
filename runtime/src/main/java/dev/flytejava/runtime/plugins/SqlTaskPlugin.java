package dev.flytejava.runtime.plugins;

import dev.flytejava.runtime.types.JavaTypes;
import dev.flytejava.runtime.types.TypeEngine;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.core.Types.LiteralType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a registered {@value SqlTask#TASK_TYPE} task from its template alone (what the runtime image's entrypoint and
 * test doubles do): the query and URL from {@code custom}, inputs bound as parameters, each row as a struct of its
 * columns with the number types the output's record fields declare ({@code structure.dataclass_type}).
 */
public final class SqlTaskPlugin implements TaskTypePlugin {
  private final TypeEngine engine = TypeEngine.createDefault(SqlTaskPlugin.class.getClassLoader());

  @Override
  public String taskType() {
    return SqlTask.TASK_TYPE;
  }

  @Override
  public LiteralMap execute(TaskTemplate template, LiteralMap inputs) throws Exception {
    String task = template.getId().getName();
    String query = template.getCustom().getFieldsOrThrow("query_template").getStringValue();
    String url = template.getCustom().getFieldsOrThrow("uri").getStringValue();
    Map<String, Object> values = TemplateValues.inputs(template, inputs);
    List<Map<String, Object>> rows = SqlQuery.parse(task, query, values.keySet())
        .run(url, values, Thread.currentThread().getContextClassLoader());
    LiteralType row = template.getInterface().getOutputs().getVariablesOrThrow("o0").getType().getCollectionType();
    Map<String, LiteralType> fields = row.getStructure().getDataclassTypeMap();
    List<Map<String, Object>> typed = new ArrayList<>(rows.size());
    for (Map<String, Object> r : rows) {
      Map<String, Object> t = new LinkedHashMap<>();
      r.forEach((column, value) -> t.put(column, typed(value, fields.get(column))));
      typed.add(t);
    }
    return LiteralMap.newBuilder()
        .putLiterals("o0", engine.toLiteral(typed, JavaTypes.listOf(JavaTypes.mapOf(Object.class))))
        .build();
  }

  private static Object typed(Object value, LiteralType field) {
    if (field == null || !(value instanceof Number n)) {
      return value;
    }
    return switch (field.getSimple()) {
      case INTEGER -> n.longValue();
      case FLOAT -> n.doubleValue();
      case BOOLEAN -> n.longValue() != 0;
      default -> value;
    };
  }
}
