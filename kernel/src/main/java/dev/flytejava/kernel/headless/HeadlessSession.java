package dev.flytejava.kernel.headless;

import dev.flytejava.kernel.cell.CellRunner;
import dev.flytejava.kernel.cell.MagicProviders;
import dev.flytejava.kernel.cell.SessionMagicContext;
import dev.flytejava.kernel.display.MimeRenderer;
import dev.flytejava.kernel.eval.CellFailure;
import dev.flytejava.kernel.eval.JShellSession;
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
    private final PrintStream out;
    private final PrintStream err;
    private int count;

    private HeadlessSession(JShellSession shell, MagicProviders.Loaded magics, CellRunner runner, PrintStream out, PrintStream err) {
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
        SessionMagicContext context = new SessionMagicContext(() -> shell, () -> out, () -> err, new TextOutput(out),
                magics::registry);
        magics.startAll(context, err::println);
        return new HeadlessSession(shell, magics, new CellRunner(() -> shell, magics::registry, context), out, err);
    }

    public MagicRegistry magics() {
        return magics.registry();
    }

    /** Runs one cell as the kernel would; prints its value's plain text; throws naming the cell when it fails. */
    public Optional<Object> run(NotebookCells.Cell cell) {
        count++;
        runner.beginCell();
        shell.beginCell(count);
        try {
            Optional<CellRunner.Shown> shown = runner.run(cell.source());
            shown.ifPresent(s -> out.println(MimeRenderer.render(s.value(), s.plainText()).get("text/plain")));
            return shown.map(CellRunner.Shown::value);
        } catch (CellFailure f) {
            throw new CellFailedException(cell, f);
        } finally {
            out.flush();
        }
    }

    /** Runs a line of code or magic as one more cell, e.g. {@code %flyte package pipeline}. */
    public Optional<Object> run(String source) {
        return run(new NotebookCells.Cell(-1, source, java.util.List.of()));
    }

    @Override
    public void close() {
        magics.endAll(err::println);
        shell.close();
    }

    /** Displays as text: each display and each update printed, the pager too. */
    private static final class TextOutput implements NotebookOutput {
        private final PrintStream out;
        private final AtomicInteger ids = new AtomicInteger();

        TextOutput(PrintStream out) {
            this.out = out;
        }

        @Override
        public String display(Object value, String mime) {
            print(value, mime);
            return "headless-" + ids.incrementAndGet();
        }

        @Override
        public void updateDisplay(String displayId, Object value, String mime) {
            // a live view's updates: only what it shows last matters here, and runs print their outcome anyway
        }

        @Override
        public void clearOutput(boolean wait) {}

        @Override
        public void page(String text) {
            out.println(text);
        }

        private void print(Object value, String mime) {
            Map<String, Object> data = MimeRenderer.render(value, mime, String.valueOf(value));
            out.println(data.get("text/plain"));
        }
    }
}
