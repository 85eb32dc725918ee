package dev.flytejava.magics.flyte;

import dev.flytejava.magics.flyte.Entity.DeclaredLaunchPlan;
import dev.flytejava.magics.flyte.Entity.DeclaredWorkflow;
import dev.flytejava.magics.flyte.options.OptionException;
import dev.flytejava.magics.flyte.options.RunOptions;
import dev.flytejava.runtime.model.TypedInterface;
import dev.flytejava.runtime.model.Variable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The inputs of {@code %flyte run}, local or remote: each text read per the input's Java type, none missing. */
final class RunInputs {
    private RunInputs() {}

    static Map<String, Object> of(Entity entity, RunOptions options) {
        TypedInterface iface = entity.iface();
        Map<String, Object> inputs = new LinkedHashMap<>();
        options.inputs().forEach((name, text) -> {
            Variable v = iface.input(name);
            if (v == null) {
                throw new OptionException("--" + name + ": " + entity.kind() + " [" + entity.name() + "] has no input [" + name
                        + "]; its inputs are " + iface.inputNames());
            }
            inputs.put(name, InputValues.parse(text, v.type(), name, entity.kind() + " [" + entity.name() + "]"));
        });
        List<String> missing = new ArrayList<>();
        for (Variable v : iface.inputs()) {
            if (!inputs.containsKey(v.name()) && !hasDefault(entity, v.name())) {
                missing.add("--" + v.name() + " (" + InputValues.form(v.type()) + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new OptionException("%flyte run " + entity.name() + ": missing " + String.join(", ", missing));
        }
        return inputs;
    }

    private static boolean hasDefault(Entity entity, String input) {
        if (entity instanceof DeclaredLaunchPlan lp) return lp.plan().hasDefault(input);
        return entity instanceof DeclaredWorkflow w && w.workflow().defaults().containsKey(input);
    }
}
