package dev.flytejava.kernel.headless;

import dev.flytejava.kernel.eval.CellFailure;

/** A notebook cell that failed in a headless run: names the cell by its index and first line, then the error. */
public final class CellFailedException extends RuntimeException {
    private final NotebookCells.Cell cell;

    CellFailedException(NotebookCells.Cell cell, CellFailure failure) {
        super((cell.index() >= 0 ? "Cell [" + cell.index() + "] (" + cell.firstLine() + ")" : "[" + cell.firstLine() + "]")
                + " failed: " + failure.getMessage(), failure);
        this.cell = cell;
    }

    public NotebookCells.Cell cell() {
        return cell;
    }
}
