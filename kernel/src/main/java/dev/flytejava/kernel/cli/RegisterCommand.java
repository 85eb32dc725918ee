package dev.flytejava.kernel.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.flytejava.kernel.headless.CellFailedException;
import dev.flytejava.kernel.headless.HeadlessSession;
import dev.flytejava.kernel.headless.NotebookCells;
import dev.flytejava.magics.display.Displayable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flyte-java register NOTEBOOK NAME}: runs the notebook's code cells headless, then registers one of its
 * workflows, launch plans or tasks on FlyteAdmin exactly as {@code %flyte register} does in a cell.
 */
@Command(name = "register", mixinStandardHelpOptions = true,
        description = {"Runs a notebook's code cells without a front end, then uploads the code of one of its workflows,",
                "launch plans or tasks and registers it on FlyteAdmin (flytectl's config: FLYTECTL_CONFIG or ~/.flyte/config.yaml)."})
public final class RegisterCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NOTEBOOK", description = "the .ipynb file")
    Path notebook;

    @Parameters(index = "1", paramLabel = "NAME", description = "the workflow, launch plan or task to register")
    String entity;

    @Option(names = "--config", paramLabel = "FILE", description = "a flytectl config file instead of the default one")
    Path config;

    @Option(names = "--project", paramLabel = "P", description = "the project (default: flytesnacks)")
    String project;

    @Option(names = "--domain", paramLabel = "D", description = "the domain (default: development)")
    String domain;

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
        try (HeadlessSession session = HeadlessSession.start(System.err, System.err)) {
            for (NotebookCells.Cell cell : cells) session.run(cell);
            if (config != null) session.run("%flyte config --file " + quoted(config.toAbsolutePath().toString()));
            List<String> magic = new ArrayList<>(List.of("%flyte register", entity));
            if (project != null) magic.addAll(List.of("--project", quoted(project)));
            if (domain != null) magic.addAll(List.of("--domain", quoted(domain)));
            if (version != null) magic.addAll(List.of("--version", quoted(version)));
            if (image != null) magic.addAll(List.of("--image", quoted(image)));
            Object shown = session.run(String.join(" ", magic)).orElse(null);
            if (shown instanceof Displayable d) System.out.println(d.mimeBundle().getOrDefault("text/plain", ""));
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
