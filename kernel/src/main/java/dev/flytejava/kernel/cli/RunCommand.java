package dev.flytejava.kernel.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.flytejava.kernel.headless.HeadlessSession;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flyte-java run NOTEBOOK [NAME] [--input k=v]...}: runs the notebook's code cells headless, as the kernel
 * would, then the workflow, launch plan or task NAME locally exactly as {@code %flyte run} does in a cell, printing
 * its outcome and outputs. Cell output goes to stderr, the run's outcome to stdout. With {@code --remote} it is
 * registered and run on FlyteAdmin as {@code %flyte run NAME --remote [--wait]} does; the local run is the default.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a notebook's code cells without a front end, then one of its workflows, launch plans or tasks,",
                "printing its outputs. Exit 1 names the failing cell (index and first line) or node; 2 is bad usage."})
public final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NOTEBOOK", description = "the .ipynb file")
    Path notebook;

    @Parameters(index = "1", arity = "0..1", paramLabel = "NAME",
            description = "the workflow, launch plan or task to run (default: the notebook's only workflow; none: the cells only)")
    String entity;

    @Option(names = {"-i", "--input"}, paramLabel = "NAME=VALUE",
            description = "an input, written as %flyte run takes it (JSON for lists, maps and records); repeatable")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--remote", description = "register, then run on the FlyteAdmin of the config instead of locally")
    boolean remote;

    @Option(names = "--wait", description = "with --remote: follow the run until it ends and print its outputs")
    boolean await;

    @Option(names = "--config", paramLabel = "FILE", description = "with --remote: a flytectl config file instead of the default one")
    Path config;

    @Option(names = "--project", paramLabel = "P", description = "with --remote: the project (default: flytesnacks)")
    String project;

    @Option(names = "--domain", paramLabel = "D", description = "with --remote: the domain (default: development)")
    String domain;

    @Override
    public Integer call() throws Exception {
        if (!remote && (await || config != null || project != null || domain != null)) {
            System.err.println("--wait, --config, --project and --domain go with --remote");
            return 2;
        }
        List<String> magic = new ArrayList<>();
        for (String input : inputs) {
            int eq = input.indexOf('=');
            if (eq <= 0) {
                System.err.println("--input [" + input + "]: write it as NAME=VALUE, e.g. --input x=3");
                return 2;
            }
            magic.add("--" + input.substring(0, eq));
            magic.add(HeadlessNotebook.quoted(input.substring(eq + 1)));
        }
        PrintStream outcome = System.out;
        System.setOut(System.err); // what cells print is the log; stdout carries the run's outcome only
        try {
            return HeadlessNotebook.run(notebook, session -> {
                String name = entity != null ? entity : onlyWorkflow(session);
                if (name == null) {
                    if (!magic.isEmpty()) {
                        System.err.println("--input given but the notebook declares no workflow: name what to run");
                        return 2;
                    }
                    return 0;
                }
                if (remote && config != null) {
                    session.run(HeadlessNotebook.magic(List.of("%flyte config"), "--file", config.toAbsolutePath().toString()));
                }
                List<String> words = new ArrayList<>(List.of("%flyte run", HeadlessNotebook.quoted(name)));
                if (remote) words.add("--remote");
                if (await) words.add("--wait");
                words.addAll(magic);
                try (HeadlessSession.Capture shown = session.capture(outcome)) {
                    session.run(HeadlessNotebook.magic(words, "--project", project, "--domain", domain));
                }
                return 0;
            });
        } catch (AmbiguousWorkflow e) {
            System.err.println(e.getMessage());
            return 2;
        } finally {
            System.setOut(outcome);
        }
    }

    /** The name of the notebook's only workflow, null when it has none. */
    private static String onlyWorkflow(HeadlessSession session) {
        dev.flytejava.magics.flyte.render.Table workflows =
                (dev.flytejava.magics.flyte.render.Table) session.run("%flyte workflows").orElseThrow();
        List<String> names = workflows.rows().stream().map(r -> r.get(0)).toList();
        if (names.size() > 1) {
            throw new AmbiguousWorkflow("The notebook declares " + names.size() + " workflows " + names
                    + ": name the one to run, e.g. flyte-java run NOTEBOOK " + names.get(0));
        }
        return names.isEmpty() ? null : names.get(0);
    }

    private static final class AmbiguousWorkflow extends RuntimeException {
        AmbiguousWorkflow(String message) {
            super(message);
        }
    }
}
