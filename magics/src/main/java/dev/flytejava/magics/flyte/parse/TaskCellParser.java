package dev.flytejava.magics.flyte.parse;

/**
 * Reads a {@code %%task} body: exactly one method whose parameters are the task's inputs and whose
 * return type is its output ({@code void}: none; an {@code @Outputs} record: one output per
 * component, decided later when the type is resolved in the session).
 */
public final class TaskCellParser {
    static final String ALLOWED = "one method such as `long addOne(long x) { return x + 1; }`";

    private TaskCellParser() {}

    /** Positions relative to the body (line 1 is the body's first line). */
    public static MethodSignature parse(String body) {
        return parse(body, 1);
    }

    /** {@code firstLine}: the cell line the body starts on (2 under a {@code %%task} line). */
    public static MethodSignature parse(String body, int firstLine) {
        ParsedCell cell = ParsedCell.parse(body, firstLine);
        return cell.signature(cell.singleMethod("%%task", ALLOWED));
    }
}
