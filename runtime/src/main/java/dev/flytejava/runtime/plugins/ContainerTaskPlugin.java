package dev.flytejava.runtime.plugins;

import dev.flytejava.runtime.model.Variable;
import dev.flytejava.runtime.types.TypeEngine;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.TaskTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a registered {@code raw-container} task from its template on this machine, as Flyte's copilot would prepare
 * it ({@link ContainerRun}): for test doubles of Flyte's backend. Primitive inputs and outputs.
 */
public final class ContainerTaskPlugin implements TaskTypePlugin {
  private final TypeEngine engine = TypeEngine.createDefault(ContainerTaskPlugin.class.getClassLoader());

  @Override
  public String taskType() {
    return ContainerTask.TASK_TYPE;
  }

  @Override
  public LiteralMap execute(TaskTemplate template, LiteralMap inputs) throws Exception {
    String task = template.getId().getName();
    List<Variable> outputs = new ArrayList<>();
    template.getInterface().getOutputs().getVariablesMap().forEach((name, v) ->
        outputs.add(new Variable(name, TemplateValues.javaClass(v.getType(), name, task))));
    List<String> command = new ArrayList<>(template.getContainer().getCommandList());
    command.addAll(template.getContainer().getArgsList());
    Map<String, Object> values = new ContainerRun(task, template.getContainer().getImage(), command, outputs)
        .run(TemplateValues.inputs(template, inputs));
    LiteralMap.Builder out = LiteralMap.newBuilder();
    for (Variable v : outputs) {
      out.putLiterals(v.name(), engine.toLiteral(values.get(v.name()), v.type()));
    }
    return out.build();
  }
}
