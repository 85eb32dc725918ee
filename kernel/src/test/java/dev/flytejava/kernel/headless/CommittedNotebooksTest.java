package dev.flytejava.kernel.headless;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The tutorials are committed without outputs: what a reader sees comes from running them, never from a stale run. */
class CommittedNotebooksTest {
    private static final Path NOTEBOOKS = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("../notebooks").normalize();

    @Test
    void noNotebookCarriesOutputs() throws Exception {
        List<Path> notebooks;
        try (Stream<Path> files = Files.list(NOTEBOOKS)) {
            notebooks = files.filter(f -> f.toString().endsWith(".ipynb")).sorted().toList();
        }
        assertFalse(notebooks.isEmpty(), "no notebooks in " + NOTEBOOKS);
        List<String> stale = new ArrayList<>();
        for (Path nb : notebooks) {
            JsonNode cells = new ObjectMapper().readTree(Files.readString(nb)).path("cells");
            for (int i = 0; i < cells.size(); i++) {
                JsonNode cell = cells.get(i);
                if (cell.path("outputs").size() > 0 || !cell.path("execution_count").isMissingNode() && !cell.path("execution_count").isNull()) {
                    stale.add(nb.getFileName() + " cell [" + i + "]");
                }
            }
        }
        assertTrue(stale.isEmpty(), "cells with outputs or execution counts (clear them: jupyter nbconvert --clear-output --inplace): " + stale);
    }
}
