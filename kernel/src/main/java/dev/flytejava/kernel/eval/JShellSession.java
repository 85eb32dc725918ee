package dev.flytejava.kernel.eval;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.flytejava.magics.code.NotebookCode;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.UnresolvedReferenceException;

/**
 * One notebook session's JShell, evaluating in this JVM. A cell's Java text is cut into snippets
 * with JShell's own completeness analysis and evaluated one by one; the first failure ends the
 * cell. Not thread-safe: the kernel evaluates one cell at a time.
 */
public final class JShellSession implements AutoCloseable {

    /** The session's imports, evaluated before the first cell. */
    public static final List<String> DEFAULT_IMPORTS = List.of(
            "import java.util.*;",
            "import java.util.function.*;",
            "import java.util.stream.*;",
            "import java.nio.file.*;",
            "import java.time.*;",
            "import java.io.*;",
            "import dev.flytejava.kernel.notebook.Display;",
            "import dev.flytejava.magics.display.Displayable;",
            "import static dev.flytejava.kernel.notebook.Notebook.*;");

    /** The value of a cell's last expression: the object itself and JShell's text for it. */
    public record Value(Object object, String text) {
    }

    /**
     * What to do with a declaration that uses something not declared yet (JShell defines it, but it cannot run):
     * a plain cell gets a note on stderr, as the jshell tool prints one; code a magic generates is rejected, so a
     * task is never declared with a body that cannot run.
     */
    public enum Unresolved { NOTE, REJECT }

    private final JShell shell;
    private final SessionExecutionControl control;
    private final SourceCodeAnalysis analysis;
    private final NotebookCode code;

    private JShellSession(JShell shell, SessionExecutionControl control, SessionClassLoader loader) {
        this.shell = shell;
        this.control = control;
        this.analysis = shell.sourceCodeAnalysis();
        this.code = new NotebookCode(loader::bytes, loader);
    }

    /** The Java release of the runtime image (docs/runtime-image), which runs the classes cells compile. */
    public static final int RUNTIME_IMAGE_JAVA = 17;

    /**
     * Starts JShell with the kernel's class path visible to cells, and runs the default imports. On a JDK newer than
     * {@link #RUNTIME_IMAGE_JAVA} cells are compiled against that version's API ({@link RuntimeImageRelease}).
     *
     * @param kernelLoader the loader of the kernel's classes; the session's loader delegates to it
     */
    public static JShellSession start(ClassLoader kernelLoader) {
        SessionLoaderDelegate delegate = new SessionLoaderDelegate(kernelLoader);
        SessionExecutionControl control = new SessionExecutionControl(delegate);
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        JShell.Builder builder = JShell.builder()
                .executionEngine(new SessionExecutionControlProvider(control), null)
                .out(discard)
                .err(discard)
                .in(InputStream.nullInputStream());
        // cells ship to the runtime image's JVM: a newer kernel JDK must not compile class files it cannot load
        List<String> release = RuntimeImageRelease.compilerOptions(Runtime.version().feature(),
                Path.of(System.getProperty("java.home")), System.getenv(RuntimeImageRelease.JDK_ENV));
        if (!release.isEmpty()) builder.compilerOptions(release.toArray(String[]::new));
        JShell shell = builder.build();
        JShellSession session = new JShellSession(shell, control, delegate.loader());
        String classPath = System.getProperty("java.class.path", "");
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isBlank()) shell.addToClasspath(entry);
        }
        for (String imp : DEFAULT_IMPORTS) session.eval(imp, 1);
        return session;
    }

    /**
     * Evaluates Java source; declarations persist. Returns the value of the last snippet if it is
     * an expression (a variable reference, a method call with a result, ...).
     *
     * @param firstLine the cell line the source starts on (1-based), for error positions
     * @throws CellFailure on a compile error, an exception in user code, or an interrupt
     */
    public Optional<Value> eval(String source, int firstLine) {
        return eval(source, firstLine, Unresolved.NOTE);
    }

    /** {@link #eval(String, int)}, with {@code unresolved} saying what a declaration using undeclared names does. */
    public Optional<Value> eval(String source, int firstLine, Unresolved unresolved) {
        Optional<Value> last = Optional.empty();
        int offset = 0;
        String remaining = source;
        while (true) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (!info.completeness().isComplete()) {
                if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) return last;
                int start = offset + firstNonBlank(remaining);
                throw CellErrors.compileError(List.of(diagnosticAt(source, firstLine, start,
                        "incomplete code: the cell ends inside a statement or declaration")));
            }
            int consumed = remaining.length() - info.remaining().length();
            // Diagnostics count from the start of JShell's snippet source, which may keep some of
            // the whitespace before the code: line its first code character up with the cell's.
            int snippetStart = offset + firstNonBlank(remaining) - firstNonBlank(info.source());
            last = evalSnippet(info.source(), source, firstLine, snippetStart, unresolved);
            offset += consumed;
            remaining = info.remaining();
        }
    }

    private Optional<Value> evalSnippet(String snippetSource, String cell, int firstLine, int snippetStart, Unresolved unresolved) {
        control.reset();
        List<SnippetEvent> events = shell.eval(snippetSource);
        code.update(shell, events);
        if (control.wasStopped()) throw CellErrors.message("Interrupted", control.stopMessage());
        Optional<Value> value = Optional.empty();
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) continue;
            Snippet snippet = event.snippet();
            JShellException thrown = event.exception();
            if (thrown != null) throw runtimeFailure(thrown);
            if (event.status() == Snippet.Status.REJECTED) {
                throw CellErrors.compileError(diagnostics(snippet, cell, firstLine, snippetStart));
            }
            if ((event.status() == Snippet.Status.RECOVERABLE_DEFINED || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED)
                    && snippet instanceof DeclarationSnippet declaration) {
                List<String> missing = shell.unresolvedDependencies(declaration).toList();
                if (!missing.isEmpty()) {
                    if (unresolved == Unresolved.REJECT) throw CellErrors.compileError(undeclared(missing, cell, firstLine, snippetStart));
                    System.err.println("Note: " + describe(snippet) + " cannot be used until " + String.join(", ", missing)
                            + (missing.size() == 1 ? " is" : " are") + " declared");
                }
            }
            if (showsValue(snippet.subKind())) {
                if (event.value() != null && control.lastValue() != null) {
                    value = Optional.of(new Value(control.lastValue(), event.value()));
                }
            }
        }
        return value;
    }

    /** Expressions show their value; declarations, assignments and statements do not. */
    private static boolean showsValue(Snippet.SubKind kind) {
        return kind == Snippet.SubKind.VAR_VALUE_SUBKIND
                || kind == Snippet.SubKind.OTHER_EXPRESSION_SUBKIND
                || kind == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    private CellFailure runtimeFailure(JShellException thrown) {
        // first: the "real" throwable of a call to a method that cannot run yet is only JShell's internal stub exception
        if (thrown instanceof UnresolvedReferenceException unresolved) {
            String missing = String.join(", ", shell.unresolvedDependencies(unresolved.getSnippet()).toList());
            return CellErrors.message("UnresolvedReference",
                    "[" + unresolved.getSnippet().source().strip() + "] uses [" + missing + "], which is not declared yet");
        }
        Throwable real = control.lastThrowable();
        if (real instanceof ExitGuard.ExitBlockedException blocked) return CellErrors.message("SystemExit", blocked.getMessage());
        if (real != null) return CellErrors.exception(real);
        if (thrown instanceof EvalException e) return CellErrors.message(e.getExceptionClassName(), String.valueOf(e.getMessage()));
        return CellErrors.exception(thrown);
    }

    /** One diagnostic per undeclared name ("variable x", "method f(long)"), at its first use in the snippet if found. */
    private static List<CellErrors.Diagnostic> undeclared(List<String> missing, String cell, int firstLine, int snippetStart) {
        List<CellErrors.Diagnostic> out = new ArrayList<>();
        for (String m : missing) {
            String name = m.substring(m.indexOf(' ') + 1).replaceAll("\\(.*", "");
            java.util.regex.Matcher use = java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(name) + "\\b")
                    .matcher(cell).region(Math.min(snippetStart, cell.length()), cell.length());
            out.add(diagnosticAt(cell, firstLine, use.find() ? use.start() : snippetStart,
                    "cannot find symbol: " + m + " is not declared; declare it in an earlier cell, then run this cell again"));
        }
        return out;
    }

    /** "method f(long)", "variable x", "class Point": how the jshell tool names a declaration. */
    private static String describe(Snippet snippet) {
        if (snippet instanceof MethodSnippet m) return "method " + m.name() + "(" + m.parameterTypes() + ")";
        if (snippet instanceof jdk.jshell.VarSnippet v) return "variable " + v.name();
        if (snippet instanceof jdk.jshell.TypeDeclSnippet t) return "type " + t.name();
        return snippet.source().strip();
    }

    private List<CellErrors.Diagnostic> diagnostics(Snippet snippet, String cell, int firstLine, int snippetStart) {
        List<CellErrors.Diagnostic> out = new ArrayList<>();
        shell.diagnostics(snippet).filter(Diag::isError).forEach(d -> {
            long pos = d.getPosition() >= 0 ? d.getPosition() : d.getStartPosition();
            int at = pos >= 0 ? snippetStart + (int) pos : snippetStart;
            out.add(diagnosticAt(cell, firstLine, at, d.getMessage(null)));
        });
        if (out.isEmpty()) {
            out.add(diagnosticAt(cell, firstLine, snippetStart, "the snippet was rejected: " + snippet.source().strip()));
        }
        return out;
    }

    /** A diagnostic at character {@code at} of {@code text}, whose first line is cell line {@code firstLine}. */
    static CellErrors.Diagnostic diagnosticAt(String text, int firstLine, int at, String message) {
        at = Math.max(0, Math.min(at, text.length()));
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int lineEnd = text.indexOf('\n', lineStart);
        String sourceLine = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
        return new CellErrors.Diagnostic(firstLine + line, at - lineStart + 1, message, sourceLine);
    }

    private static int firstNonBlank(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }

    /** A cell starts: interrupts aimed at earlier cells are forgotten; what it declares is listed under its count. */
    public void beginCell(int executionCount) {
        control.beginCell();
        code.beginCell(executionCount);
    }

    /** The session's code as task closures see it, kept up to date after every evaluation. */
    public NotebookCode code() {
        return code;
    }

    /** Stops the running snippet, or the next one of this cell if none runs yet (an interrupt request). */
    public void stop() {
        control.stop();
    }

    public ClassLoader classLoader() {
        return control.classLoader();
    }

    public ThreadGroup cellThreads() {
        return control.cellThreads();
    }

    public void addToClasspath(List<Path> paths) {
        for (Path p : paths) shell.addToClasspath(p.toAbsolutePath().toString());
        code.classpathAdded(paths);
    }

    /** The current value of a session variable, if one of that name is declared. */
    public Optional<Object> variable(String name) {
        boolean declared = shell.variables().anyMatch(v -> v.name().equals(name) && shell.status(v).isActive());
        if (!declared) return Optional.empty();
        return eval(name, 1).map(Value::object);
    }

    /** The names of the session's active variables, in declaration order. */
    public List<String> variableNames() {
        return shell.variables().filter(v -> shell.status(v).isActive()).map(v -> v.name()).distinct().toList();
    }

    /** Drops the active method {@code name(parameterTypes)}; JShell keeps overloads side by side, so a redefinition alone would not. */
    public boolean dropMethod(String name, String parameterTypes) {
        String wanted = withoutSpaces(parameterTypes);
        List<MethodSnippet> matches = shell.methods()
                .filter(m -> m.name().equals(name) && shell.status(m).isActive() && withoutSpaces(m.parameterTypes()).equals(wanted))
                .toList();
        matches.forEach(m -> code.update(shell, shell.drop(m)));
        return !matches.isEmpty();
    }

    private static String withoutSpaces(String text) {
        return text.replaceAll("\\s+", "");
    }

    public SourceCodeAnalysis analysis() {
        return analysis;
    }

    @Override
    public void close() {
        shell.close();
    }
}
