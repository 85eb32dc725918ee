package dev.flytejava.magics.flyte.options;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The options of {@code %flyte export}: where the project goes and what its classes are called. */
public record ExportOptions(String to, String javaPackage, String className, String notebook) {

    public static ExportOptions parse(List<String> words) {
        Spec s = Options.parse(new Spec(), "%flyte export", words);
        return new ExportOptions(s.to, s.javaPackage, s.className, s.notebook);
    }

    public static String usage() {
        return Options.usage(new Spec());
    }

    @Command(name = "%flyte export", description =
            "Writes the notebook as a standalone Maven project: the code its tasks use as plain Java, its tasks and workflows "
            + "on the runtime API, a main, and a test per workflow the notebook ran that expects the notebook's outputs. "
            + "`mvn -B package` builds and tests it.")
    static final class Spec {
        @Option(names = "--to", required = true, paramLabel = "DIR", description = "the project folder: empty, new, or an earlier export")
        String to;
        @Option(names = "--package", paramLabel = "P", defaultValue = "notebook", description = "the Java package (default: notebook)")
        String javaPackage;
        @Option(names = "--class", paramLabel = "NAME", defaultValue = "Notebook",
                description = "the class holding the notebook's code; NAMEWorkflows wires it (default: Notebook)")
        String className;
        @Option(names = "--notebook", paramLabel = "FILE", defaultValue = "the notebook",
                description = "how the exported files name their origin (flyte-java export passes the notebook's file name)")
        String notebook;
    }
}
