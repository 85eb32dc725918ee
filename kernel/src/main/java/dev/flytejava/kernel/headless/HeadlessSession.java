package dev.flytejava.kernel.headless;

import dev.flytejava.kernel.cell.CellRunner;
import dev.flytejava.kernel.cell.MagicProviders;
import dev.flytejava.kernel.cell.SessionMagicContext;
import dev.flytejava.kernel.display.MimeRenderer;
import dev.flytejava.kernel.eval.CellFailure;
import dev.flytejava.kernel.eval.JShellSession;
import dev.flytejava.kernel.notebook.Notebook;
import dev.flytejava.kernel.notebook.NotebookOutput;
import dev.flytejava.magics.MagicRegistry;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A notebook session without a front end: the kernel's JShell and magics, with what cells print going to
 * {@code out} and {@code err}, and what they display shown as its plain text. Cells run in order on the calling
 * thread; the first failure stops the run with a {@link CellFailedException} naming the cell.
 */
public final class HeadlessSession implements AutoCloseable {
    private final JShellSession shell;
    private final MagicProviders.Loaded magics;
    private final CellRunner runner;
    private final Target out;
    private final PrintStream err;
    private final TextOutput display;
    private int count;

    private HeadlessSession(JShellSession shell, MagicProviders.Loaded magics, CellRunner runner, Target out, PrintStream err,
            TextOutput display) {
        this.display = display;
        this.shell = shell;
        this.magics = magics;
        this.runner = runner;
        this.out = out;
        this.err = err;
    }

    public static HeadlessSession start(PrintStream out, PrintStream err) {
        ClassLoader loader = HeadlessSession.class.getClassLoader();
        MagicProviders.Loaded magics = MagicProviders.load(loader, err::println);
        JShellSession shell = JShellSession.start(loader);
        Target target = new Target(out);
        TextOutput display = new TextOutput(target);
        CellDisplays.showIn(display);
        SessionMagicContext context = new SessionMagicContext(() -> shell, target::get, () -> err, display, magics::registry);
        magics.startAll(context, err::println);
        return new HeadlessSession(shell, magics, new CellRunner(() -> shell, magics::registry, context), target, err, display);
    }

    public MagicRegistry magics() {
        return magics.registry();
    }

    /** The session's magic provider of that type (the Flyte magics, say), if one was loaded. */
    public <T> Optional<T> provider(Class<T> type) {
        return magics.providers().stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    /** Runs one cell as the kernel would; prints its value's plain text; throws naming the cell when it fails. */
    public Optional<Object> run(NotebookCells.Cell cell) {
        count++;
        runner.beginCell();
        shell.beginCell(count);
        try {
            Optional<CellRunner.Shown> shown = runner.run(cell.source());
            shown.ifPresent(s -> out.get().println(MimeRenderer.render(s.value(), s.plainText()).get("text/plain")));
            return shown.map(CellRunner.Shown::value);
        } catch (CellFailure f) {
            throw new CellFailedException(cell, f);
        } finally {
            display.printUpdated();
            out.get().flush();
        }
    }

    /** Runs a line of code or magic as one more cell, e.g. {@code %flyte package pipeline}. */
    public Optional<Object> run(String source) {
        return run(new NotebookCells.Cell(-1, source, java.util.List.of()));
    }

    /** Sends what cells print and show to {@code to} until the capture is closed (the run's outcome to stdout, say). */
    public Capture capture(PrintStream to) {
        PrintStream before = out.get();
        out.set(to);
        return () -> out.set(before);
    }

    /** Ends a {@link #capture}. */
    public interface Capture extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * What {@code display(...)} in a cell reaches: {@link Notebook} is connected once per JVM, so it is connected to
     * this forwarder, which shows in the newest headless session (sessions in one JVM run one after another).
     */
    private static final class CellDisplays implements NotebookOutput {
        private static final CellDisplays INSTANCE = new CellDisplays();
        private static boolean connected;
        private volatile NotebookOutput current;

        static synchronized void showIn(NotebookOutput display) {
            INSTANCE.current = display;
            if (!connected) {
                Notebook.connect(INSTANCE);
                connected = true;
            }
        }

        @Override
        public String display(Object value, String mime) {
            return current.display(value, mime);
        }

        @Override
        public void updateDisplay(String displayId, Object value, String mime) {
            current.updateDisplay(displayId, value, mime);
        }

        @Override
        public void clearOutput(boolean wait) {
            current.clearOutput(wait);
        }

        @Override
        public void page(String text) {
            current.page(text);
        }
    }

    /** Where cell output goes now. */
    private static final class Target {
        private volatile PrintStream stream;

        Target(PrintStream stream) {
            this.stream = stream;
        }

        PrintStream get() {
            return stream;
        }

        void set(PrintStream to) {
            stream = to;
        }
    }

    @Override
    public void close() {
        magics.endAll(err::println);
        shell.close();
    }

    /**
     * Displays as text: each display printed, the pager too; a display updated while the cell ran is printed once
     * more at the cell's end, as it last looked (a run's live view ends with its outcome and outputs).
     */
    private static final class TextOutput implements NotebookOutput {
        private final Target out;
        private final AtomicInteger ids = new AtomicInteger();
        private final Map<String, Object[]> updated = new java.util.LinkedHashMap<>();

        TextOutput(Target out) {
            this.out = out;
        }

        @Override
        public String display(Object value, String mime) {
            print(value, mime);
            return "headless-" + ids.incrementAndGet();
        }

        @Override
        public synchronized void updateDisplay(String displayId, Object value, String mime) {
            updated.put(displayId, new Object[] {value, mime}); // only what a live view shows last matters here
        }

        synchronized void printUpdated() {
            for (Object[] last : updated.values()) print(last[0], (String) last[1]);
            updated.clear();
        }

        @Override
        public void clearOutput(boolean wait) {}

        @Override
        public void page(String text) {
            out.get().println(text);
        }

        private void print(Object value, String mime) {
            Map<String, Object> data = MimeRenderer.render(value, mime, String.valueOf(value));
            out.get().println(data.get("text/plain"));
        }
    }
}
