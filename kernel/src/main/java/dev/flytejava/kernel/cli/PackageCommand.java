package dev.flytejava.kernel.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;


import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flyte-java package NOTEBOOK NAME}: runs the notebook's code cells headless, as the kernel would, then
 * packages one of its workflows, launch plans or tasks exactly as {@code %flyte package} does in a cell.
 */
@Command(name = "package", mixinStandardHelpOptions = true,
        description = {"Runs a notebook's code cells without a front end, then writes a package of one of its workflows,",
                "launch plans or tasks in pyflyte's layout (`flytectl register files F.tgz --archive` registers it)."})
public final class PackageCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NOTEBOOK", description = "the .ipynb file")
    Path notebook;

    @Parameters(index = "1", paramLabel = "NAME", description = "the workflow, launch plan or task to package")
    String entity;

    @Option(names = "--output", paramLabel = "FILE", description = "the package (default: NAME.tgz beside the notebook)")
    Path output;

    @Option(names = "--version", paramLabel = "V", description = "the version of every entity (default: a content hash)")
    String version;

    @Option(names = "--image", paramLabel = "IMAGE", description = "the image of tasks without --image")
    String image;

    @Override
    public Integer call() throws Exception {
        Path out = (output != null ? output : notebook.toAbsolutePath().getParent().resolve(entity + ".tgz")).toAbsolutePath();
        return HeadlessNotebook.run(notebook, session -> {
            session.run(HeadlessNotebook.magic(List.of("%flyte package", HeadlessNotebook.quoted(entity)),
                    "--output", out.toString(), "--version", version, "--image", image));
            System.out.println(out);
            return 0;
        });
    }
}
