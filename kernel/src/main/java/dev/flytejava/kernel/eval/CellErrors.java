package dev.flytejava.kernel.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns what went wrong in a cell into a {@link CellFailure}: compile diagnostics with the line
 * and column in the cell, and exceptions with the stack frames of user code only (the frames of
 * the kernel and of reflection below the cell's own frames are cut).
 */
public final class CellErrors {

    private static final Pattern SNIPPET_WRAPPER = Pattern.compile("REPL\\.\\$JShell\\$\\d+[A-Z]*[.$]");

    private CellErrors() {
    }

    /** One compile diagnostic: 1-based line and column in the cell, the message, the source line. */
    public record Diagnostic(int line, int column, String message, String sourceLine) {
    }

    public static CellFailure compileError(List<Diagnostic> diagnostics) {
        List<String> traceback = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            traceback.add(position(d) + cleanMessage(d.message()));
            if (d.sourceLine() != null) {
                traceback.add("    " + d.sourceLine());
                if (d.column() > 0) traceback.add("    " + " ".repeat(d.column() - 1) + "^");
            }
        }
        Diagnostic first = diagnostics.get(0);
        String evalue = position(first) + cleanMessage(first.message()).lines().findFirst().orElse("");
        return new CellFailure("CompilationError", evalue, traceback, null);
    }

    private static String position(Diagnostic d) {
        if (d.line() <= 0) return "";
        return d.column() > 0 ? "line " + d.line() + ", column " + d.column() + ": " : "line " + d.line() + ": ";
    }

    /** javac's message without the "location: class $JShell$12" lines that only name the wrapper. */
    static String cleanMessage(String message) {
        StringBuilder sb = new StringBuilder();
        for (String line : message.split("\n")) {
            String stripped = line.strip();
            if (stripped.startsWith("location:") && (line.contains("$JShell$") || stripped.equals("location: class"))) continue;
            line = withoutWrapperNames(line);
            if (sb.length() > 0) sb.append('\n');
            sb.append(line);
        }
        return sb.toString();
    }

    /** An exception thrown by user code (or a magic), with the frames that matter to the user. */
    public static CellFailure exception(Throwable t) {
        List<String> traceback = new ArrayList<>();
        describe(t, traceback, "");
        return new CellFailure(t.getClass().getName(), message(t), traceback, t);
    }

    /** A failure whose message says it all (a magic's usage error, a blocked exit): no frames. */
    public static CellFailure message(String ename, String evalue) {
        return new CellFailure(ename, evalue, List.of(ename + ": " + evalue), null);
    }

    /** The exception's message without JShell's wrapper class names ("REPL.$JShell$17.s" is "s"). */
    static String message(Throwable t) {
        return t.getMessage() == null ? "" : withoutWrapperNames(t.getMessage());
    }

    /** A text naming cell-declared classes as the cell does ("REPL.$JShell$19$Coordinate" is "Coordinate"). */
    public static String withoutWrapperNames(String text) {
        return SNIPPET_WRAPPER.matcher(text).replaceAll("");
    }

    private static void describe(Throwable t, List<String> out, String prefix) {
        out.add(prefix + t.getClass().getName() + (t.getMessage() == null ? "" : ": " + message(t)));
        for (StackTraceElement frame : userFrames(t.getStackTrace())) out.add("\tat " + frame(frame));
        if (t.getCause() != null && t.getCause() != t) describe(t.getCause(), out, "Caused by: ");
    }

    /** The frames from the top down to the last frame of cell code; all of them if there is none. */
    static List<StackTraceElement> userFrames(StackTraceElement[] frames) {
        int last = -1;
        for (int i = 0; i < frames.length; i++) {
            if (frames[i].getClassName().startsWith("REPL.")) last = i;
        }
        if (last < 0) {
            for (int i = 0; i < frames.length; i++) {
                String c = frames[i].getClassName();
                if (c.startsWith("dev.flytejava.kernel.") || c.startsWith("jdk.internal.reflect.")
                        || c.startsWith("java.lang.reflect.")) {
                    last = i - 1;
                    break;
                }
            }
            if (last < 0) last = frames.length - 1;
        }
        return List.of(frames).subList(0, last + 1);
    }

    /** A frame as Java prints it; frames of cell code say so instead of naming JShell's wrapper. */
    static String frame(StackTraceElement e) {
        if (e.getClassName().startsWith("REPL.")) {
            String where = withoutWrapperNames(e.getClassName() + "." + e.getMethodName());
            return (where.equals("do_it$") ? "cell" : where) + "(cell code)";
        }
        String file = e.getFileName() == null ? "Unknown Source" : e.getFileName();
        return e.getClassName() + "." + e.getMethodName() + "(" + file + (e.getLineNumber() > 0 ? ":" + e.getLineNumber() : "") + ")";
    }

}
