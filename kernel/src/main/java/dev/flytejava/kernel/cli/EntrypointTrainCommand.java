package dev.flytejava.kernel.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import dev.flytejava.runtime.entrypoint.Entrypoint;
import dev.flytejava.runtime.entrypoint.Training;

import picocli.CommandLine.Command;

/**
 * {@code flyte-java entrypoint-train}: one small task attempt through the entrypoint, for the runtime image's class
 * data sharing archive (docs/runtime-image/Dockerfile runs it with {@code -XX:ArchiveClassesAtExit}).
 */
@Command(name = "entrypoint-train", hidden = true, description = "Run one small task attempt (for the runtime image's CDS archive).")
final class EntrypointTrainCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        Path dir = Files.createTempDirectory("flyte-java-train");
        try {
            Entrypoint.Outcome outcome = Training.run(dir, System.err);
            System.err.println("flyte-java entrypoint-train: " + outcome);
            return outcome == Entrypoint.Outcome.SUCCEEDED ? 0 : 1;
        } finally {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
