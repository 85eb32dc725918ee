package dev.flytejava.magics.flyte.parse;

/**
 * A cell that does not have the shape a Flyte magic accepts. The message starts with the position and
 * says what is allowed there.
 */
public final class CellSyntaxException extends IllegalArgumentException {
    private final CellPosition position;
    private final String problem;

    public CellSyntaxException(CellPosition position, String problem) {
        super(position + ": " + problem);
        this.position = position;
        this.problem = problem;
    }

    public CellPosition position() {
        return position;
    }

    /** The message without the position. */
    public String problem() {
        return problem;
    }
}
