package dev.flytejava.magics.flyte.parse;

/**
 * Reads a {@code %%task} body: exactly one method whose parameters are the task's inputs and whose
 * return type is its output ({@code void}: none; an {@code @Outputs} record: one output per
 * component, decided later when the type is resolved in the session).
 */
public final class TaskCellParser {
    static final String ALLOWED = "one method such as `long addOne(long x) { return x + 1; }`";

    private TaskCellParser() {}

    public static MethodSignature parse(String body) {
        ParsedCell cell = ParsedCell.parse(body);
        return cell.signature(cell.singleMethod("%%task", ALLOWED));
    }
}
