package dev.flytejava.runtime.code;

import java.util.List;

/**
 * What shipped code holds, as {@code flyte-java/manifest.json} in its archive: the tasks it can run (the class and
 * static method of each body, its input names, its decorator variables), the session variables to set up before
 * a task runs (in declaration order: by value where the closure captured one, else by running the declaration's
 * initializer), the classes of the cell statements that registered transformers its types need (run after the
 * variables), and the jars on its class path.
 */
public record CodeManifest(String format, String hash, List<TaskEntry> tasks, List<VariableEntry> variables,
                           List<String> registrations, List<JarEntry> jars) {
    public static final String FORMAT = "flyte-java-code/1";

    public CodeManifest {
        tasks = List.copyOf(tasks);
        variables = List.copyOf(variables);
        registrations = registrations == null ? List.of() : List.copyOf(registrations);
        jars = List.copyOf(jars);
    }

    /** A task's entry point: {@code method} of {@code className}, taking {@code inputs} in order. */
    public record TaskEntry(String name, String className, String method, List<String> inputs, List<String> decorators) {
        public TaskEntry {
            inputs = List.copyOf(inputs);
            decorators = List.copyOf(decorators);
        }
    }

    /** A session variable: its class and field; {@code value} is its captured value as text, or null to initialize it. */
    public record VariableEntry(String className, String name, String type, String value) {}

    /** A jar in the archive ({@code file}, relative to the archive's root), with its origin and digest. */
    public record JarEntry(String file, String coordinates, String sha256) {}

    public TaskEntry task(String name) {
        return tasks.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "The shipped code has no task [" + name + "]; it has " + tasks.stream().map(TaskEntry::name).toList()));
    }
}
