package dev.flytejava.magics.flyte;

import dev.flytejava.magics.MagicContext;
import dev.flytejava.magics.MagicRegistry;
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * A {@link MagicContext} over a real in-process JShell, for tests without a kernel: evaluated values are
 * the objects themselves, displays are recorded.
 */
final class JShellMagicContext implements MagicContext, AutoCloseable {

    /** A display: its id and every value shown under it, first the initial one. */
    record Shown(String id, List<Object> values) {}

    private static final class CapturingControl extends LocalExecutionControl {
        volatile Object last;

        @Override
        protected String invoke(Method doitMethod) throws Exception {
            Object value = doitMethod.invoke(null);
            last = value;
            return valueString(value);
        }
    }

    private final CapturingControl control = new CapturingControl();
    private final JShell shell;
    final List<Shown> displays = new CopyOnWriteArrayList<>();
    private final MagicRegistry registry = new MagicRegistry();

    JShellMagicContext() throws Exception {
        shell = JShell.builder().executionEngine(new ExecutionControlProvider() {
            @Override
            public String name() {
                return "capturing";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return control;
            }
        }, Map.of()).build();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) shell.addToClasspath(entry);
        eval("import java.util.*;");
    }

    @Override
    public PrintStream out() {
        return System.out;
    }

    @Override
    public PrintStream err() {
        return System.err;
    }

    @Override
    public Object eval(String javaSource) throws Exception {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = javaSource;
        Object value = null;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (!info.completeness().isComplete()) throw new IllegalArgumentException("incomplete source: " + remaining);
            control.last = null;
            value = null;
            for (SnippetEvent e : shell.eval(info.source())) {
                if (e.causeSnippet() != null) continue;
                if (e.exception() != null) {
                    if (e.exception() instanceof EvalException ee) {
                        throw new IllegalStateException(ee.getExceptionClassName() + ": " + ee.getMessage(), ee);
                    }
                    throw e.exception();
                }
                if (e.status() == Snippet.Status.REJECTED) {
                    String diags = shell.diagnostics(e.snippet()).map(d -> d.getMessage(java.util.Locale.ROOT)).collect(Collectors.joining("; "));
                    throw new IllegalArgumentException("compile error in [" + info.source().strip() + "]: " + diags);
                }
                if (e.value() != null) value = control.last;
            }
            remaining = info.remaining();
        }
        return value;
    }

    @Override
    public Optional<Object> variable(String name) {
        if (!variableNames().contains(name)) return Optional.empty();
        try {
            return Optional.ofNullable(eval(name));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<String> variableNames() {
        return shell.variables().filter(v -> shell.status(v).isActive()).map(v -> v.name()).toList();
    }

    @Override
    public boolean dropMethod(String name, String parameterTypes) {
        List<jdk.jshell.MethodSnippet> matches = shell.methods()
                .filter(m -> m.name().equals(name) && shell.status(m).isActive()
                        && m.parameterTypes().replaceAll("\\s+", "").equals(parameterTypes.replaceAll("\\s+", "")))
                .toList();
        matches.forEach(shell::drop);
        return !matches.isEmpty();
    }

    @Override
    public void addToClasspath(List<Path> paths) {
        paths.forEach(p -> shell.addToClasspath(p.toString()));
    }

    @Override
    public ClassLoader classLoader() {
        return getClass().getClassLoader();
    }

    @Override
    public String display(Object value) {
        String id = "display-" + (displays.size() + 1);
        List<Object> values = new CopyOnWriteArrayList<>();
        values.add(value);
        displays.add(new Shown(id, values));
        return id;
    }

    @Override
    public void updateDisplay(String displayId, Object value) {
        displays.stream().filter(d -> d.id().equals(displayId)).findFirst().orElseThrow().values().add(value);
    }

    @Override
    public void page(String text) {}

    @Override
    public Path workingDirectory() {
        return Path.of("").toAbsolutePath();
    }

    @Override
    public MagicRegistry magics() {
        return registry;
    }

    List<Shown> displays() {
        return new ArrayList<>(displays);
    }

    @Override
    public void close() {
        shell.close();
    }
}
