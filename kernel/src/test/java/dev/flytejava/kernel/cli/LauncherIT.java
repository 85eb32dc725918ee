package dev.flytejava.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/flyte-java's class data sharing: a notebook command's first run records an archive, later runs map it, what
 * the commands print stays theirs, and FLYTE_JAVA_CDS=0 or another command records nothing.
 */
class LauncherIT {
    private static final Path LAUNCHER = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
            .resolve("../bin/flyte-java").normalize();

    @TempDir
    Path dir;

    private record Ran(int status, String out, String err) {}

    private Ran launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("FLYTE_JAVA_OPTS");
        pb.environment().putAll(env);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("bin/flyte-java " + String.join(" ", args) + " did not end in 120 s");
        }
        return new Ran(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private static List<String> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aNotebookCommandRecordsItsArchiveOnceAndMapsItAfterwards() throws Exception {
        Path archives = dir.resolve("cds");
        Ran recording = launch(Map.of("FLYTE_JAVA_CDS_DIR", archives.toString()), "help");
        assertEquals(0, recording.status(), recording.err());
        assertTrue(recording.out().contains("Usage: flyte-java"), recording.out());
        assertFalse(recording.out().contains("[warning]") || recording.err().contains("[warning]"),
                "CDS reports are not the command's output: " + recording.out() + recording.err());
        List<String> recorded = files(archives);
        assertEquals(1, recorded.size(), recorded.toString());
        assertTrue(recorded.get(0).matches("help-[0-9a-f]{16}\\.jsa"), recorded.toString());

        Path loaded = dir.resolve("loaded.log");
        Ran mapped = launch(Map.of("FLYTE_JAVA_CDS_DIR", archives.toString(),
                "FLYTE_JAVA_OPTS", "-Xlog:class+load=info:file=" + loaded), "help");
        assertEquals(0, mapped.status(), mapped.err());
        assertEquals(recording.out(), mapped.out());
        String log = Files.readString(loaded);
        assertTrue(log.contains("dev.flytejava.kernel.cli.FlyteJavaCli source: shared objects file (top)"),
                "our classes come from the recorded archive");
        assertEquals(recorded, files(archives), "mapped, not recorded again");
    }

    @Test
    void offOrForAnotherCommandNothingIsRecorded() throws Exception {
        Path off = dir.resolve("off");
        Ran help = launch(Map.of("FLYTE_JAVA_CDS_DIR", off.toString(), "FLYTE_JAVA_CDS", "0"), "help");
        assertEquals(0, help.status(), help.err());
        assertEquals(List.of(), files(off));

        Path other = dir.resolve("other");
        Ran version = launch(Map.of("FLYTE_JAVA_CDS_DIR", other.toString()), "--version");
        assertEquals(0, version.status(), version.err());
        assertTrue(version.out().startsWith("flyte-java "), version.out());
        assertEquals(List.of(), files(other), "only the notebook commands and help have archives");
    }
}
