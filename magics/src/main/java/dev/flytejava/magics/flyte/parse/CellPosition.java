package dev.flytejava.magics.flyte.parse;

/** A 1-based line and column in a cell's body (the text after the magic line). */
public record CellPosition(int line, int column) {
    public CellPosition {
        if (line < 1 || column < 1) throw new IllegalArgumentException("line and column are 1-based");
    }

    @Override
    public String toString() {
        return "line " + line + ", column " + column;
    }
}
