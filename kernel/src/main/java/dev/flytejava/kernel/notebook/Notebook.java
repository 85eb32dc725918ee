package dev.flytejava.kernel.notebook;

/**
 * Display helpers for cells, imported statically into every session:
 * <pre>
 * String id = display(Display.html("&lt;b&gt;0%&lt;/b&gt;"));
 * updateDisplay(id, Display.html("&lt;b&gt;100%&lt;/b&gt;"));
 * display("# Title", "text/markdown");
 * clearOutput();
 * </pre>
 */
public final class Notebook {

    private static volatile NotebookOutput output;

    private Notebook() {
    }

    /** Connects the bridge to the running kernel; done once per JVM by the kernel itself. */
    public static synchronized void connect(NotebookOutput kernelOutput) {
        if (output != null) {
            throw new IllegalStateException("A different notebook kernel was already started in this JVM");
        }
        output = kernelOutput;
    }

    /**
     * Shows a value now (its richest MIME bundle) and returns the display id for
     * {@link #updateDisplay}. A cell that ends with {@code display(x)} shows {@code x} once: the
     * returned id is not echoed as the cell's result.
     */
    public static String display(Object value) {
        return output().display(value, null);
    }

    /**
     * Shows a value as the given MIME type: a {@code String} is taken as content of that type
     * ({@code display("<b>x</b>", "text/html")}); other values keep only that type of their bundle.
     */
    public static String display(Object value, String mime) {
        return output().display(value, mime);
    }

    /** Replaces, in place, what an earlier {@link #display} showed. */
    public static void updateDisplay(String displayId, Object value) {
        output().updateDisplay(displayId, value, null);
    }

    public static void updateDisplay(String displayId, Object value, String mime) {
        output().updateDisplay(displayId, value, mime);
    }

    /** Clears the cell's output now. */
    public static void clearOutput() {
        output().clearOutput(false);
    }

    /** Clears the cell's output; with {@code wait}, only when the next output arrives (no flicker). */
    public static void clearOutput(boolean wait) {
        output().clearOutput(wait);
    }

    /** Shows text in the front end's pager, beside the notebook (as IPython's {@code ?} does). */
    public static void page(String text) {
        output().page(text);
    }

    private static NotebookOutput output() {
        NotebookOutput o = output;
        if (o == null) throw new IllegalStateException("Not running in a flyte-java notebook kernel");
        return o;
    }
}
