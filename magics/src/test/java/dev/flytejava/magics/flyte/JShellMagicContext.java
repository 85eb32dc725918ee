package dev.flytejava.magics.flyte;

import dev.flytejava.magics.MagicContext;
import dev.flytejava.magics.MagicRegistry;
import dev.flytejava.magics.code.NotebookCode;
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
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;
import jdk.jshell.spi.ExecutionControl.EngineTerminationException;
import jdk.jshell.spi.ExecutionControl.NotImplementedException;
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
        /** The bytes of every snippet class, for the closures {@link NotebookCode} computes. */
        final Map<String, byte[]> bytes = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void load(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException, EngineTerminationException {
            for (ClassBytecodes c : cbcs) bytes.put(c.name(), c.bytecodes());
            super.load(cbcs);
        }

        Class<?> snippetClass(String name) throws ClassNotFoundException {
            return findClass(name);
        }

        @Override
        protected String invoke(Method doitMethod) throws Exception {
            Object value = doitMethod.invoke(null);
            last = value;
            return valueString(value);
        }
    }

    private final CapturingControl control = new CapturingControl();
    /** Sees the test's class path first, then added jars, then the snippet classes JShell's own loader defined. */
    private final SnippetLoader loader = new SnippetLoader(getClass().getClassLoader(), control);

    private static final class SnippetLoader extends java.net.URLClassLoader {
        private final CapturingControl control;

        SnippetLoader(ClassLoader parent, CapturingControl control) {
            super(new java.net.URL[0], parent);
            this.control = control;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            try {
                return super.findClass(name);
            } catch (ClassNotFoundException e) {
                return control.snippetClass(name);
            }
        }

        void add(Path p) {
            try {
                addURL(p.toUri().toURL());
            } catch (java.net.MalformedURLException e) {
                throw new IllegalArgumentException(e);
            }
        }
    }
    private final NotebookCode code = new NotebookCode(n -> control.bytes.get(n), loader);
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
            List<SnippetEvent> events = shell.eval(info.source());
            code.update(shell, events);
            for (SnippetEvent e : events) {
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
        matches.forEach(m -> code.update(shell, shell.drop(m)));
        return !matches.isEmpty();
    }

    @Override
    public void addToClasspath(List<Path> paths) {
        paths.forEach(p -> shell.addToClasspath(p.toString()));
        paths.forEach(loader::add);
        code.classpathAdded(paths);
    }

    @Override
    public NotebookCode code() {
        return code;
    }

    @Override
    public ClassLoader classLoader() {
        return loader;
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
