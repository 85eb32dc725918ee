package dev.flytejava.kernel.magics;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.flytejava.magics.MagicContext;
import dev.flytejava.magics.MagicRegistry;
import dev.flytejava.magics.code.NotebookCode;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * A plain-Java session for magic tests: records what magics print, page, display and add to the class
 * path, and evaluates code in a real JShell (local execution, so it runs in this JVM). Tests may
 * subclass it to watch a stream.
 */
class FakeMagicContext implements MagicContext, AutoCloseable {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    private final Path workingDirectory;
    private final MagicRegistry registry;
    final List<Path> classpath = new ArrayList<>();
    final List<String> pages = new ArrayList<>();
    final List<String> evaluated = new ArrayList<>();
    final List<Object> displayed = new ArrayList<>();
    private JShell jshell;

    FakeMagicContext(Path workingDirectory) {
        this(workingDirectory, new MagicRegistry());
    }

    FakeMagicContext(Path workingDirectory, MagicRegistry registry) {
        this.workingDirectory = workingDirectory;
        this.registry = registry;
    }

    String outText() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    String errText() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    /** Closures are not this context's concern: it records what magics tell the code model, and has no snippet classes. */
    private final NotebookCode code = new NotebookCode(name -> null, FakeMagicContext.class.getClassLoader());

    @Override
    public NotebookCode code() {
        return code;
    }

    @Override
    public PrintStream out() {
        return out;
    }

    @Override
    public PrintStream err() {
        return err;
    }

    /** Evaluates snippet by snippet; returns the last snippet's value as JShell renders it. */
    @Override
    public synchronized Object eval(String javaSource) throws Exception {
        evaluated.add(javaSource);
        SourceCodeAnalysis analysis = jshell().sourceCodeAnalysis();
        String value = null;
        String remaining = javaSource;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            String snippet = info.source() == null ? remaining : info.source();
            remaining = info.source() == null ? "" : info.remaining();
            for (SnippetEvent event : jshell().eval(snippet)) {
                if (event.status() == Snippet.Status.REJECTED) {
                    String diagnostics = jshell().diagnostics(event.snippet()).map(d -> d.getMessage(null)).collect(Collectors.joining("; "));
                    throw new IllegalStateException("Rejected [" + snippet.strip() + "]: " + diagnostics);
                }
                if (event.exception() != null) throw event.exception();
                value = event.value();
            }
        }
        return value;
    }

    @Override
    public Optional<Object> variable(String name) {
        return Optional.empty();
    }

    @Override
    public synchronized boolean dropMethod(String name, String parameterTypes) {
        List<jdk.jshell.MethodSnippet> matches = jshell().methods()
                .filter(m -> m.name().equals(name) && m.parameterTypes().equals(parameterTypes.replaceAll("\\s+", ""))).toList();
        matches.forEach(jshell()::drop);
        return !matches.isEmpty();
    }

    @Override
    public synchronized void addToClasspath(List<Path> paths) {
        classpath.addAll(paths);
        paths.forEach(p -> jshell().addToClasspath(p.toString()));
    }

    @Override
    public ClassLoader classLoader() {
        URL[] urls = classpath.stream().map(FakeMagicContext::url).toArray(URL[]::new);
        return new URLClassLoader(urls, getClass().getClassLoader());
    }

    @Override
    public String display(Object value) {
        displayed.add(value);
        return "display-" + displayed.size();
    }

    @Override
    public void updateDisplay(String displayId, Object value) {
        displayed.add(value);
    }

    @Override
    public void page(String text) {
        pages.add(text);
    }

    @Override
    public Path workingDirectory() {
        return workingDirectory;
    }

    @Override
    public MagicRegistry magics() {
        return registry;
    }

    @Override
    public synchronized void close() {
        if (jshell != null) jshell.close();
    }

    private JShell jshell() {
        if (jshell == null) jshell = JShell.builder().executionEngine("local").out(out).err(err).build();
        return jshell;
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
