package dev.flytejava.runtime.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.flytejava.runtime.golden.GoldenSet;
import dev.flytejava.runtime.golden.GoldenSet.Spec;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Workflow.WorkflowTemplate;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every interface variable of every task, workflow and launch plan in the golden sets (what pyflyte wrote for
 * flytesnacks' core examples, and for our flytekit 1.16.31 project in src/test/golden-src/modern): the engine either guesses a Java type whose literal type equals the original, or says clearly that
 * the Flyte type is unsupported. Nothing else may happen.
 */
class GoldenInterfacesTest {

    private final TypeEngine engine = TypeEngine.builder().build();

    record Var(String file, String name, LiteralType type) {}

    /** What happened to the variables of one golden set. */
    record Counts(int variables, int exact, int pinned, Map<String, Integer> unsupported) {}

    @Test
    void everySnacksCoreVariableIsGuessedExactlyOrClearlyUnsupported() {
        Counts counts = guessAll(GoldenSet.snacksCore());
        assertEquals(374, counts.variables());
        assertEquals(305, counts.exact());
        // enums (String values), dataclass STRUCTs with a schema (Map values), datasets with a format or columns (25 + 37)
        assertEquals(62, counts.pinned());
        assertEquals(Map.of(
                "Unsupported Flyte type [...]: Python pickles cannot be written or read from Java; give the Python side a"
                        + " Flyte type (dataclass, str, FlyteFile...)", 2,
                "Unsupported Flyte type [...]: the deprecated FlyteSchema type is not supported from Java", 5), counts.unsupported());
    }

    @Test
    void everyModernVariableIsGuessedExactlyOrClearlyUnsupported() {
        Counts counts = guessAll(GoldenSet.modern());
        assertEquals(31, counts.variables());
        assertEquals(13, counts.exact());
        // the dataclasses (STRUCT with a schema: Map values) and the Region enum (String values)
        assertEquals(18, counts.pinned());
        assertEquals(Map.of(), counts.unsupported());
    }

    private Counts guessAll(GoldenSet set) {
        List<Var> variables = readVariables(set);
        int exact = 0;
        int pinned = 0;
        Map<String, Integer> unsupported = new TreeMap<>();
        for (Var variable : variables) {
            try {
                Type guess = engine.guessJavaType(variable.type());
                assertEquals(variable.type(), engine.literalTypeOf(guess),
                        () -> variable.file() + " " + variable.name() + " guessed as " + guess.getTypeName());
                if (guess instanceof PinnedType || guess.getTypeName().contains("pinned")) {
                    pinned++;
                } else {
                    exact++;
                }
            } catch (UnsupportedLiteralTypeException e) {
                assertTrue(e.getMessage().startsWith("Unsupported Flyte type ["), e.getMessage());
                unsupported.merge(e.getMessage().replaceAll("\\[.*?\\]: ", "[...]: "), 1, Integer::sum);
            }
        }
        System.out.printf("golden %s: %d variables, %d guessed as plain Java types, %d as pinned types, unsupported %s%n",
                set.name(), variables.size(), exact, pinned, unsupported);
        return new Counts(variables.size(), exact, pinned, unsupported);
    }

    static List<Var> readVariables(GoldenSet set) {
        List<Var> variables = new ArrayList<>();
        for (Spec spec : set.specs()) {
            String name = spec.file();
            Object message = spec.message();
            if (message instanceof TaskSpec task) {
                addAll(variables, name, task.getTemplate().getInterface());
            } else if (message instanceof WorkflowSpec workflow) {
                addAll(variables, name, workflow.getTemplate().getInterface());
                for (WorkflowTemplate sub : workflow.getSubWorkflowsList()) {
                    addAll(variables, name + " sub " + sub.getId().getName(), sub.getInterface());
                }
            } else if (message instanceof LaunchPlan plan) {
                plan.getSpec().getDefaultInputs().getParametersMap().forEach((var, parameter) ->
                        variables.add(new Var(name, "default input " + var, parameter.getVar().getType())));
            } else {
                fail("unexpected golden file " + name);
            }
        }
        return variables;
    }

    private static void addAll(List<Var> variables, String file, TypedInterface typed) {
        for (Map.Entry<String, Variable> e : typed.getInputs().getVariablesMap().entrySet()) {
            variables.add(new Var(file, "input " + e.getKey(), e.getValue().getType()));
        }
        for (Map.Entry<String, Variable> e : typed.getOutputs().getVariablesMap().entrySet()) {
            variables.add(new Var(file, "output " + e.getKey(), e.getValue().getType()));
        }
    }
}
