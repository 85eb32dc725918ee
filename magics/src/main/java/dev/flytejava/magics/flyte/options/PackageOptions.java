package dev.flytejava.magics.flyte.options;

import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options of {@code %flyte package}: what to package, where to, and how to stamp it. */
public record PackageOptions(String entity, Optional<String> output, Optional<String> version, Optional<String> image) {

    public static PackageOptions parse(List<String> words) {
        Spec s = Options.parse(new Spec(), "%flyte package", words);
        return new PackageOptions(s.entity, Optional.ofNullable(s.output), Optional.ofNullable(s.version), Optional.ofNullable(s.image));
    }

    public static String usage() {
        return Options.usage(new Spec());
    }

    @Command(name = "%flyte package", description =
            "Compiles a workflow (with its tasks, subworkflows and default launch plan), a launch plan or a task into a "
            + "package in pyflyte's `--copy all` layout, with the tasks' code inside: `flytectl register files F.tgz "
            + "--archive` registers it as it is.")
    static final class Spec {
        @Parameters(index = "0", paramLabel = "NAME", description = "the workflow, launch plan or task to package")
        String entity;
        @Option(names = "--output", paramLabel = "FILE", description = "the package file (default: NAME.tgz in the notebook's folder)")
        String output;
        @Option(names = "--version", paramLabel = "V",
                description = "the version of every entity (default: a content hash of the code and the specs)")
        String version;
        @Option(names = "--image", paramLabel = "IMAGE",
                description = "the image of tasks without --image (default: $FLYTE_JAVA_IMAGE, else the runtime image)")
        String image;
    }
}
