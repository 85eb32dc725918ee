package dev.flytejava.kernel.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.flytejava.kernel.headless.CellFailedException;
import dev.flytejava.kernel.headless.HeadlessSession;
import dev.flytejava.kernel.headless.NotebookCells;

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
        if (!Files.isRegularFile(notebook)) {
            System.err.println("No notebook at [" + notebook + "]");
            return 2;
        }
        List<NotebookCells.Cell> cells = NotebookCells.read(notebook);
        Path out = output != null ? output : notebook.toAbsolutePath().getParent().resolve(entity + ".tgz");
        try (HeadlessSession session = HeadlessSession.start(System.err, System.err)) {
            for (NotebookCells.Cell cell : cells) session.run(cell);
            List<String> magic = new ArrayList<>(List.of("%flyte package", entity, "--output", quoted(out.toAbsolutePath().toString())));
            if (version != null) magic.addAll(List.of("--version", quoted(version)));
            if (image != null) magic.addAll(List.of("--image", quoted(image)));
            session.run(String.join(" ", magic));
            System.out.println(out.toAbsolutePath());
            return 0;
        } catch (CellFailedException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }
}
