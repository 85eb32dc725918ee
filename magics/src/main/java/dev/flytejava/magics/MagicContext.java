package dev.flytejava.magics;

import dev.flytejava.magics.code.NotebookCode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a magic may use of the notebook session it runs in. The kernel implements it over JShell and
 * the Jupyter channels; tests implement it with plain objects.
 */
public interface MagicContext {

    /** The cell's live standard output and error (streamed to the notebook while the cell runs). */
    PrintStream out();

    PrintStream err();

    /**
     * Evaluates Java source in the session exactly as a code cell would (declarations persist) and
     * returns the value of its last expression, or {@code null}. Compile errors are thrown, and so is a declaration
     * that uses a name not declared yet (a plain cell may do that; code a magic defines must run as it is).
     */
    Object eval(String javaSource) throws Exception;

    /** The current value of a session variable such as a {@code TaskDecorator} declared in a cell. */
    Optional<Object> variable(String name);

    /**
     * The names of the session's active variables, for messages that list candidates (e.g. the
     * {@code TaskDecorator} variables a {@code --decorators} option may name). Empty when unknown.
     */
    default List<String> variableNames() {
        return List.of();
    }

    /**
     * Removes the session's method {@code name} whose parameter types are {@code parameterTypes} (comma-separated,
     * as written in source, e.g. {@code long,List<String>}; whitespace is ignored), if there is one, so that a later
     * call cannot resolve to it. Other overloads stay. Returns whether a method was removed.
     */
    boolean dropMethod(String name, String parameterTypes);

    /** Adds jars or class folders to the session's class path (visible to later cells). */
    void addToClasspath(List<Path> paths);

    /**
     * The session's code as task closures see it: active snippets, their classes, added class path entries. The kernel
     * keeps it up to date after every evaluation.
     */
    NotebookCode code();

    /** The class loader that sees the session's classes and added class path entries. */
    ClassLoader classLoader();

    /** Shows a value now (as {@code display_data}) and returns its display id for later updates. */
    String display(Object value);

    /** Replaces what an earlier {@link #display} showed, in place ({@code update_display_data}). */
    void updateDisplay(String displayId, Object value);

    /** Shows text in the front end's pager (a {@code page} payload on the execute reply). */
    void page(String text);

    /** The directory relative paths in magics resolve against (the notebook's directory). */
    Path workingDirectory();

    /** The registry this magic was found in, for magics that list or describe others. */
    MagicRegistry magics();
}
