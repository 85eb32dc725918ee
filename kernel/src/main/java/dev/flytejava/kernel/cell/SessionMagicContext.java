package dev.flytejava.kernel.cell;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import dev.flytejava.kernel.eval.JShellSession;
import dev.flytejava.kernel.io.OutputRouter;
import dev.flytejava.kernel.notebook.NotebookOutput;
import dev.flytejava.magics.MagicContext;
import dev.flytejava.magics.MagicRegistry;
import dev.flytejava.magics.code.NotebookCode;

/** {@link MagicContext} over the kernel's JShell session and Jupyter output. */
public final class SessionMagicContext implements MagicContext {

    private final Supplier<JShellSession> session;
    private final Supplier<PrintStream> out;
    private final Supplier<PrintStream> err;
    private final NotebookOutput display;
    private final Supplier<MagicRegistry> magics;

    public SessionMagicContext(Supplier<JShellSession> session, OutputRouter output, NotebookOutput display,
                               Supplier<MagicRegistry> magics) {
        this(session, output::out, output::err, display, magics);
    }

    /** A context whose cells print to {@code out} and {@code err}: a notebook run without a front end. */
    public SessionMagicContext(Supplier<JShellSession> session, Supplier<PrintStream> out, Supplier<PrintStream> err,
                               NotebookOutput display, Supplier<MagicRegistry> magics) {
        this.session = session;
        this.out = out;
        this.err = err;
        this.display = display;
        this.magics = magics;
    }

    @Override
    public PrintStream out() {
        return out.get();
    }

    @Override
    public PrintStream err() {
        return err.get();
    }

    @Override
    public Object eval(String javaSource) {
        return session.get().eval(javaSource, 1, JShellSession.Unresolved.REJECT).map(JShellSession.Value::object).orElse(null);
    }

    @Override
    public Optional<Object> variable(String name) {
        return session.get().variable(name);
    }

    @Override
    public List<String> variableNames() {
        return session.get().variableNames();
    }

    @Override
    public boolean dropMethod(String name, String parameterTypes) {
        return session.get().dropMethod(name, parameterTypes);
    }

    @Override
    public void addToClasspath(List<Path> paths) {
        session.get().addToClasspath(paths);
    }

    @Override
    public NotebookCode code() {
        return session.get().code();
    }

    @Override
    public ClassLoader classLoader() {
        return session.get().classLoader();
    }

    @Override
    public String display(Object value) {
        return display.display(value, null);
    }

    @Override
    public void updateDisplay(String displayId, Object value) {
        display.updateDisplay(displayId, value, null);
    }

    @Override
    public void page(String text) {
        display.page(text);
    }

    @Override
    public Path workingDirectory() {
        return Path.of("").toAbsolutePath();
    }

    @Override
    public MagicRegistry magics() {
        return magics.get();
    }
}
