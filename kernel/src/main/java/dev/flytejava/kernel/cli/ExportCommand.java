package dev.flytejava.kernel.cli;

import dev.flytejava.magics.flyte.render.Table;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flyte-java export NOTEBOOK --to DIR}: runs the notebook's code cells headless, as the kernel would, then
 * writes it as a Maven project exactly as {@code %flyte export} does in a cell. The workflows the cells ran become the
 * project's tests, with the outputs the cells got.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Runs a notebook's code cells without a front end, then writes it as a standalone Maven project: its",
                "code as plain Java, its tasks and workflows on the runtime API, a main, and a test per workflow it ran."})
public final class ExportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NOTEBOOK", description = "the .ipynb file")
    Path notebook;

    @Option(names = "--to", required = true, paramLabel = "DIR", description = "the project folder: empty, new, or an earlier export")
    Path to;

    @Option(names = "--package", paramLabel = "P", defaultValue = "notebook", description = "the Java package (default: notebook)")
    String javaPackage;

    @Option(names = "--class", paramLabel = "NAME",
            description = "the class holding the notebook's code (default: from the file name, 02-extending-flyte: ExtendingFlyte)")
    String className;

    @Override
    public Integer call() throws Exception {
        String name = notebook.getFileName().toString();
        return HeadlessNotebook.run(notebook, session -> {
            Optional<Object> shown = session.run(HeadlessNotebook.magic(List.of("%flyte export"), "--to", to.toAbsolutePath().toString(),
                    "--package", javaPackage, "--class", className != null ? className : classNameOf(name), "--notebook", name));
            if (shown.orElse(null) instanceof Table table) {
                System.out.println(table.caption());
                for (List<String> row : table.rows()) System.out.println("  " + String.join("  ", row));
            }
            return 0;
        });
    }

    /** {@code 02-extending-flyte.ipynb} becomes {@code ExtendingFlyte}: the words of the name, without leading numbers. */
    static String classNameOf(String fileName) {
        StringBuilder sb = new StringBuilder();
        for (String word : fileName.replaceFirst("\\.ipynb$", "").split("[^A-Za-z0-9]+")) {
            if (word.isEmpty() || (sb.isEmpty() && Character.isDigit(word.charAt(0)))) continue;
            sb.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return sb.isEmpty() ? "Notebook" : sb.toString();
    }
}
