package dev.flytejava.runtime.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Workflow.WorkflowTemplate;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every interface variable of every task, workflow and launch plan that pyflyte wrote for flytesnacks' core
 * examples: the engine either guesses a Java type whose literal type equals the original, or says clearly that
 * the Flyte type is unsupported. Nothing else may happen.
 */
class GoldenInterfacesTest {

    private static final String GOLDEN = "shared/flyte-golden/snacks-core";

    private final TypeEngine engine = TypeEngine.builder().build();

    /** The golden files: {@code shared/} found from the module directory upwards, or as a sibling of an ancestor. */
    static Path goldenDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            for (Path candidate : List.of(dir.resolve(GOLDEN), dir.resolveSibling(GOLDEN))) {
                if (Files.isDirectory(candidate)) {
                    return candidate;
                }
            }
        }
        return fail("Golden files not found: looked for [" + GOLDEN + "] in [" + Path.of("").toAbsolutePath()
                + "], its ancestors and their siblings; the lead's shared/ folder holds them");
    }

    record Var(String file, String name, LiteralType type) {}

    @Test
    void everyGoldenVariableIsGuessedExactlyOrClearlyUnsupported() throws IOException {
        List<Var> variables = readVariables(goldenDirectory());
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
        System.out.printf("golden: %d variables, %d guessed as plain Java types, %d as pinned types, unsupported %s%n",
                variables.size(), exact, pinned, unsupported);
        assertEquals(374, variables.size());
        assertEquals(305, exact);
        // enums (String values), dataclass STRUCTs with a schema (Map values), datasets with a format or columns (25 + 37)
        assertEquals(62, pinned);
        assertEquals(Map.of(
                "Unsupported Flyte type [...]: Python pickles cannot be written or read from Java; give the Python side a"
                        + " Flyte type (dataclass, str, FlyteFile...)", 2,
                "Unsupported Flyte type [...]: the deprecated FlyteSchema type is not supported from Java", 5), unsupported);
    }

    static List<Var> readVariables(Path dir) throws IOException {
        List<Var> variables = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".pb")).sorted().toList();
        }
        assertTrue(files.size() > 100, "expected the flytesnacks core golden files in " + dir);
        for (Path file : files) {
            String name = file.getFileName().toString();
            try (InputStream in = Files.newInputStream(file)) {
                if (name.endsWith("_1.pb")) {
                    addAll(variables, name, TaskSpec.parseFrom(in).getTemplate().getInterface());
                } else if (name.endsWith("_2.pb")) {
                    WorkflowSpec spec = WorkflowSpec.parseFrom(in);
                    addAll(variables, name, spec.getTemplate().getInterface());
                    for (WorkflowTemplate sub : spec.getSubWorkflowsList()) {
                        addAll(variables, name + " sub " + sub.getId().getName(), sub.getInterface());
                    }
                } else if (name.endsWith("_3.pb")) {
                    LaunchPlan plan = LaunchPlan.parseFrom(in);
                    plan.getSpec().getDefaultInputs().getParametersMap().forEach((var, parameter) ->
                            variables.add(new Var(name, "default input " + var, parameter.getVar().getType())));
                } else {
                    fail("unexpected golden file " + name);
                }
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
