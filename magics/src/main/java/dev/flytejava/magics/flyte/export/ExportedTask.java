package dev.flytejava.magics.flyte.export;

import dev.flytejava.runtime.model.Variable;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A task as an export writes it: a method of the notebook class, or a container task (which runs no notebook code). */
public sealed interface ExportedTask {
    String name();

    /**
     * A {@code %%task}: the notebook class's method {@code method}, with the cell's options; {@code decorators} and
     * {@code sidecars} as the cell named them (decorators are variables of the notebook class).
     */
    record JavaTask(String name, String method, String cacheVersion, int retries, Duration timeout, String image,
                    Map<String, String> requests, Map<String, String> limits, Map<String, String> env,
                    List<String> decorators, Map<String, String> sidecars) implements ExportedTask {}

    /** A {@code %%container_task}: its command, interface and image. */
    record ContainerTask(String name, List<String> command, List<Variable> inputs, List<Variable> outputs, String image,
                         Map<String, String> requests, Map<String, String> limits, Map<String, String> env) implements ExportedTask {}
}
