package dev.flytejava.kernel.eval;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import dev.flytejava.kernel.display.ValueText;
import jdk.jshell.execution.DirectExecutionControl;

/**
 * Runs snippets in this JVM, as {@code LocalExecutionControl} does, each on a thread of a cell
 * thread group so that {@link #stop} can end it (a {@code while (true) {}} too, up to Java 19), and keeps the
 * snippet's value object and its exception: JShell itself only passes on their string forms,
 * and the kernel renders values as MIME bundles and shows real stack traces.
 */
final class SessionExecutionControl extends DirectExecutionControl {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final SessionLoaderDelegate loaderDelegate;
    private final ThreadGroup cellThreads = new ThreadGroup("flyte-java-cell");
    private final Object lock = new Object();
    private volatile Thread running;
    private volatile CompletableFuture<Void> runningFinished;
    /** The last interrupted snippet's thread could not be stopped and was left running. */
    private volatile boolean abandoned;
    private volatile boolean stopped;
    /** An interrupt that came while the cell was not running a snippet (compiling, say). */
    private volatile boolean pendingStop;
    private volatile Object lastValue;
    private volatile Throwable lastThrowable;

    SessionExecutionControl(SessionLoaderDelegate loaderDelegate) {
        super(loaderDelegate);
        this.loaderDelegate = loaderDelegate;
    }

    ClassLoader classLoader() {
        return loaderDelegate.loader();
    }

    ThreadGroup cellThreads() {
        return cellThreads;
    }

    /** A new cell starts: earlier interrupts no longer apply. */
    void beginCell() {
        pendingStop = false;
    }

    /** Clears what the previous snippet left; called before each evaluation. */
    void reset() {
        lastValue = null;
        lastThrowable = null;
        stopped = false;
        abandoned = false;
    }

    Object lastValue() {
        return lastValue;
    }

    Throwable lastThrowable() {
        return lastThrowable;
    }

    boolean wasStopped() {
        return stopped;
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        if (pendingStop) {
            stopped = true;
            throw new StoppedException();
        }
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        CompletableFuture<Void> finished = new CompletableFuture<>();
        Thread thread = new Thread(cellThreads, () -> {
            try {
                result[0] = doit.invoke(null);
            } catch (InvocationTargetException e) {
                failure[0] = e.getCause() instanceof ThreadDeath ? new ThreadDeath() : e;
            } catch (ThreadDeath e) {
                failure[0] = e;
            } catch (Throwable e) {
                failure[0] = e;
            } finally {
                finished.complete(null);
            }
        }, "flyte-java-snippet-" + THREADS.incrementAndGet());
        thread.setContextClassLoader(loaderDelegate.loader());
        thread.setDaemon(true); // an abandoned snippet thread must not keep the JVM alive
        synchronized (lock) {
            running = thread;
            runningFinished = finished;
        }
        try {
            thread.start();
            finished.join(); // also completed by stop() when it gives the thread up
        } finally {
            synchronized (lock) {
                running = null;
                runningFinished = null;
            }
        }
        Throwable f = failure[0];
        if (f instanceof ThreadDeath || stopped) {
            stopped = true;
            throw new StoppedException();
        }
        if (f instanceof InvocationTargetException ite) {
            lastThrowable = ite.getCause();
            throw ite;
        }
        if (f instanceof Exception e) throw e;
        if (f instanceof Error e) {
            lastThrowable = e;
            throw new InvocationTargetException(e);
        }
        lastValue = result[0];
        return ValueText.of(result[0], DirectExecutionControl::valueString);
    }

    /** What the cell's interrupt error says: it was stopped, or its thread was given up and still runs. */
    String stopMessage() {
        return abandoned
                ? "the cell was interrupted, but its thread ignores interrupts and keeps running in the background (Java "
                        + Runtime.version().feature() + " cannot force a thread to stop); restart the kernel to end it"
                : "the cell was interrupted";
    }

    /**
     * Ends the running snippet: interrupts it, and if it does not finish within 100 ms, stops its thread
     * ({@code Thread.stop}, Java 17 to 19). From Java 20 on {@code Thread.stop} throws and no Java API ends a thread
     * that ignores interrupts (a loop that never sleeps, waits or does I/O; only a debugger agent loaded at JVM start
     * could, and the JDWP agent cannot be attached later): the kernel then gives the thread up, so the cell ends and
     * the kernel answers again, and the thread runs on until the kernel restarts.
     */
    @Override
    @SuppressWarnings({"deprecation", "removal"})
    public void stop() {
        Thread thread;
        CompletableFuture<Void> finished;
        synchronized (lock) {
            thread = running;
            finished = runningFinished;
            if (thread == null) {
                pendingStop = true;
                return;
            }
            stopped = true;
        }
        thread.interrupt();
        try {
            thread.join(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!thread.isAlive()) return;
        try {
            thread.stop();
        } catch (UnsupportedOperationException e) {
            abandoned = true;
            finished.complete(null);
        }
    }
}
