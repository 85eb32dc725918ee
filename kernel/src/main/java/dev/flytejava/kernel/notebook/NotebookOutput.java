package dev.flytejava.kernel.notebook;

/** The kernel side of the {@link Notebook} bridge: where display calls from cells go. */
public interface NotebookOutput {

    /** Shows {@code value} (only as {@code mime} when that is not {@code null}); returns its display id. */
    String display(Object value, String mime);

    void updateDisplay(String displayId, Object value, String mime);

    void clearOutput(boolean wait);

    /** Shows text in the front end's pager (a {@code page} payload on the execute reply). */
    void page(String text);
}
