package dev.flytejava.kernel.headless;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The code cells of an {@code .ipynb} file, in order, with their index among all cells and their tags. */
public final class NotebookCells {
    private NotebookCells() {}

    /** One code cell: {@code index} counts every cell of the notebook from 0, as Jupyter front ends show them. */
    public record Cell(int index, String source, List<String> tags) {
        /** The first line that says something, for messages that name the cell. */
        public String firstLine() {
            return source.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        }
    }

    public static List<Cell> read(Path notebook) throws IOException {
        JsonNode nb;
        try {
            nb = new ObjectMapper().readTree(Files.readString(notebook));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("[" + notebook + "] is not a notebook (JSON): " + e.getOriginalMessage(), e);
        }
        if (!nb.path("cells").isArray()) throw new IOException("[" + notebook + "] has no cells: not a Jupyter notebook");
        List<Cell> cells = new ArrayList<>();
        int index = 0;
        for (JsonNode cell : nb.path("cells")) {
            if (cell.path("cell_type").asText().equals("code")) {
                JsonNode src = cell.path("source");
                StringBuilder source = new StringBuilder();
                if (src.isArray()) src.forEach(l -> source.append(l.asText()));
                else source.append(src.asText());
                List<String> tags = new ArrayList<>();
                cell.path("metadata").path("tags").forEach(t -> tags.add(t.asText()));
                cells.add(new Cell(index, source.toString(), List.copyOf(tags)));
            }
            index++;
        }
        return cells;
    }
}
