package dev.flytejava.kernel.cli;

import dev.flytejava.kernel.headless.CellFailedException;
import dev.flytejava.kernel.headless.HeadlessSession;
import dev.flytejava.kernel.headless.NotebookCells;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the notebook commands ({@code run}, {@code package}, {@code register}, {@code export}) share: the notebook's
 * code cells run headless as the kernel would, then the command's own magics in the same session. Exit 2 when there
 * is no notebook, 1 when a cell fails (its message names the cell by index and first line).
 */
final class HeadlessNotebook {
    private HeadlessNotebook() {}

    /** What a command does once the cells have run; returns the exit status. */
    @FunctionalInterface
    interface AfterCells {
        int run(HeadlessSession session) throws Exception;
    }

    static int run(Path notebook, AfterCells after) throws Exception {
        if (!Files.isRegularFile(notebook)) {
            System.err.println("No notebook at [" + notebook + "]");
            return 2;
        }
        List<NotebookCells.Cell> cells = NotebookCells.read(notebook);
        try (HeadlessSession session = HeadlessSession.start(System.err, System.err)) {
            for (NotebookCells.Cell cell : cells) session.run(cell);
            return after.run(session);
        } catch (CellFailedException e) {
            System.err.println(e.getMessage());
            return 1;
        }
    }

    /** A magic line: its words, then {@code --option value} for each option given (a null value leaves it out). */
    static String magic(List<String> words, String... optionsAndValues) {
        List<String> line = new ArrayList<>(words);
        for (int i = 0; i < optionsAndValues.length; i += 2) {
            if (optionsAndValues[i + 1] != null) line.addAll(List.of(optionsAndValues[i], quoted(optionsAndValues[i + 1])));
        }
        return String.join(" ", line);
    }

    /** One shell-quoted word, as the magics' tokenizer reads it. */
    static String quoted(String word) {
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }
}
