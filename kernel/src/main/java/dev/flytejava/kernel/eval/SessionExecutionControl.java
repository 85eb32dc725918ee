package dev.flytejava.kernel.eval;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicInteger;

import dev.flytejava.kernel.display.ValueText;
import jdk.jshell.execution.DirectExecutionControl;

/**
 * Runs snippets in this JVM, as {@code LocalExecutionControl} does, each on a thread of a cell
 * thread group so that {@link #stop} can end it (also a {@code while (true) {}}), and keeps the
 * snippet's value object and its exception: JShell itself only passes on their string forms,
 * and the kernel renders values as MIME bundles and shows real stack traces.
 */
final class SessionExecutionControl extends DirectExecutionControl {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final SessionLoaderDelegate loaderDelegate;
    private final ThreadGroup cellThreads = new ThreadGroup("flyte-java-cell");
    private final Object lock = new Object();
    private volatile Thread running;
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
        Thread thread = new Thread(cellThreads, () -> {
            try {
                result[0] = doit.invoke(null);
            } catch (InvocationTargetException e) {
                failure[0] = e.getCause() instanceof ThreadDeath ? new ThreadDeath() : e;
            } catch (ThreadDeath e) {
                failure[0] = e;
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "flyte-java-snippet-" + THREADS.incrementAndGet());
        thread.setContextClassLoader(loaderDelegate.loader());
        synchronized (lock) {
            running = thread;
        }
        try {
            thread.start();
            thread.join();
        } finally {
            synchronized (lock) {
                running = null;
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

    /** Ends the running snippet: interrupts it, then stops its thread if it does not finish soon. */
    @Override
    @SuppressWarnings({"deprecation", "removal"})
    public void stop() {
        Thread thread;
        synchronized (lock) {
            thread = running;
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
        if (thread.isAlive()) {
            try {
                thread.stop();
            } catch (UnsupportedOperationException e) {
                // Java 20+: Thread.stop is gone; the interrupt is all there is.
            }
        }
    }
}
