package dev.flytejava.magics.flyte.options;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The options of {@code %%workflow}, read from the magic line. */
public record WorkflowOptions(Optional<String> name, Optional<String> setup, Optional<String> teardown,
                              List<String> decorators) {

    public WorkflowOptions {
        decorators = List.copyOf(decorators);
    }

    public static WorkflowOptions parse(String args) {
        Spec s = Options.parse(new Spec(), "%%workflow", args);
        return new WorkflowOptions(Optional.ofNullable(s.name), Optional.ofNullable(s.setup),
                Optional.ofNullable(s.teardown), s.decorators);
    }

    public static String usage() {
        return Options.usage(new Spec());
    }

    @Command(name = "%%workflow", description =
            "Declares a Flyte workflow from the one Java method in the cell. The body is read, not run: "
            + "locals set from task calls are nodes, if/else on comparisons is a branch, map(task, list) "
            + "a map node. Calling the method afterwards runs the workflow locally with a live progress "
            + "display.")
    static final class Spec {
        @Option(names = "--name", paramLabel = "NAME", converter = OptionConverters.NameConverter.class,
                description = "workflow name (default: the method's name)")
        String name;
        @Option(names = "--setup", paramLabel = "TASK", converter = OptionConverters.NameConverter.class,
                description = "a task without inputs run before every other node")
        String setup;
        @Option(names = "--teardown", paramLabel = "TASK", converter = OptionConverters.NameConverter.class,
                description = "a task without inputs run after every other node, even after a failure")
        String teardown;
        @Option(names = "--decorators", paramLabel = "DECORATOR", split = ",",
                converter = OptionConverters.NameConverter.class,
                description = "TaskDecorator variables applied to every task node of the workflow")
        List<String> decorators = new ArrayList<>();
    }
}
