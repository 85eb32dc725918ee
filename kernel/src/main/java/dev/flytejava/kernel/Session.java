package dev.flytejava.kernel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import dev.flytejava.kernel.cell.MagicProviders;
import dev.flytejava.kernel.eval.CellErrors;
import dev.flytejava.kernel.eval.JShellSession;
import dev.flytejava.magics.MagicContext;
import dev.flytejava.magics.MagicRegistry;

/**
 * The notebook session, started off the startup path: JShell (the slow part: the compiler warms
 * up) and the magic registry are built on a background thread as soon as the sockets are bound,
 * so {@code kernel_info} is answered at once and the first cell only waits for what is left.
 */
final class Session {

    private final CompletableFuture<JShellSession> started = new CompletableFuture<>();
    private final CompletableFuture<JShellSession> shell = new CompletableFuture<>();
    private final CompletableFuture<MagicRegistry> magics = new CompletableFuture<>();
    private final ClassLoader kernelLoader;
    private final Consumer<String> problems;

    Session(ClassLoader kernelLoader, Consumer<String> problems) {
        this.kernelLoader = kernelLoader;
        this.problems = problems;
    }

    /**
     * Starts the session on one background thread, after the kernel has bound its sockets (so it
     * does not compete with answering the first {@code kernel_info_request}). Once JShell is
     * up, every magic provider gets {@code sessionStarted(context)} before the first cell runs, so
     * the names its users write (imports, helpers) exist from the first cell on.
     */
    void start(MagicContext context) {
        startThread(() -> {
            MagicProviders.Loaded loaded = null;
            try {
                loaded = MagicProviders.load(kernelLoader, problems);
                magics.complete(loaded.registry());
            } catch (RuntimeException | Error e) {
                magics.completeExceptionally(e);
            }
            try {
                JShellSession s = JShellSession.start(kernelLoader);
                s.eval("1", 1); // compiles and runs one snippet: the first real cell then finds javac warm
                started.complete(s);
                if (loaded != null) loaded.startAll(context, problems);
                shell.complete(s);
            } catch (RuntimeException | Error e) {
                started.completeExceptionally(e);
                shell.completeExceptionally(e);
            }
        });
    }

    private static void startThread(Runnable r) {
        Thread t = new Thread(r, "flyte-java-session-start");
        t.setDaemon(true);
        t.start();
    }

    JShellSession shell() {
        return join(shell);
    }

    /**
     * The JShell session as soon as it runs, before the magic providers were started: what the
     * providers' own start-up evaluates through the magic context (waiting for {@link #shell()}
     * there would wait for itself).
     */
    JShellSession startedShell() {
        return join(started);
    }

    private static JShellSession join(CompletableFuture<JShellSession> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw CellErrors.message("SessionStartFailed", "JShell could not start: " + e.getCause());
        }
    }

    MagicRegistry magics() {
        try {
            return magics.join();
        } catch (CompletionException e) {
            throw CellErrors.message("SessionStartFailed", "magics could not load: " + e.getCause());
        }
    }

    /** Stops the running snippet, if JShell is up; never waits for it to start. */
    void stop() {
        JShellSession s = shell.getNow(null);
        if (s != null) s.stop();
    }
}
