package dev.flytejava.kernel;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import dev.flytejava.kernel.cell.MagicProviders;
import dev.flytejava.kernel.eval.CellErrors;
import dev.flytejava.kernel.eval.JShellSession;
import dev.flytejava.magics.MagicRegistry;

/**
 * The notebook session, started off the startup path: JShell (the slow part: the compiler warms
 * up) and the magic registry are built on a background thread as soon as the sockets are bound,
 * so {@code kernel_info} is answered at once and the first cell only waits for what is left.
 */
final class Session {

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
     * does not compete with answering the first {@code kernel_info_request}). {@code alsoRun} is
     * start-up work done first on that thread, such as installing the exit guard.
     */
    void start(Runnable alsoRun) {
        startThread(() -> {
            alsoRun.run();
            try {
                magics.complete(MagicProviders.load(kernelLoader, problems));
            } catch (RuntimeException | Error e) {
                magics.completeExceptionally(e);
            }
            try {
                JShellSession s = JShellSession.start(kernelLoader);
                s.eval("1", 1); // compiles and runs one snippet: the first real cell then finds javac warm
                shell.complete(s);
            } catch (RuntimeException | Error e) {
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
        try {
            return shell.join();
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
