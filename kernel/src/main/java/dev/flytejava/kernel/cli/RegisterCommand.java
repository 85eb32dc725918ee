package dev.flytejava.kernel.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

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
        return HeadlessNotebook.run(notebook, session -> {
            if (config != null) session.run(HeadlessNotebook.magic(List.of("%flyte config"), "--file", config.toAbsolutePath().toString()));
            Object shown = session.run(HeadlessNotebook.magic(List.of("%flyte register", HeadlessNotebook.quoted(entity)),
                    "--project", project, "--domain", domain, "--version", version, "--image", image)).orElse(null);
            if (shown instanceof Displayable d) System.out.println(d.mimeBundle().getOrDefault("text/plain", ""));
            return 0;
        });
    }
}
