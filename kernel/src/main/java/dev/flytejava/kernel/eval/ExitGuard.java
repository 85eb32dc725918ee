package dev.flytejava.kernel.eval;

import java.security.Permission;

/**
 * Keeps {@code System.exit}/{@code Runtime.halt} in a cell from ending the kernel: while a cell
 * runs, {@code checkExit} throws {@link ExitBlockedException}; every other check is allowed (this
 * manager guards against accidents, it is no sandbox). Needs Java 17's (deprecated) security
 * manager, installed with {@code -Djava.security.manager=allow}.
 */
@SuppressWarnings("removal")
public final class ExitGuard extends SecurityManager {

    /** {@code System.exit(n)} called by a cell. */
    public static final class ExitBlockedException extends SecurityException {
        public ExitBlockedException(int status) {
            super("System.exit(" + status + ") was blocked: it would end the kernel; use Kernel > Restart");
        }
    }

    private volatile boolean cellRunning;
    private volatile boolean shuttingDown;

    /**
     * Installs this guard as the JVM's security manager; returns {@code false} when the JVM does
     * not allow one (then {@code System.exit} in a cell would end the kernel). Java 17 prints a
     * deprecation warning on the JVM's initial stderr, which is the kernel log, not a cell.
     */
    public boolean install() {
        try {
            System.setSecurityManager(this);
            return true;
        } catch (UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    public void cellRunning(boolean running) {
        this.cellRunning = running;
    }

    /** The kernel itself is exiting: let it. */
    public void shutdown() {
        this.shuttingDown = true;
    }

    @Override
    public void checkExit(int status) {
        if (cellRunning && !shuttingDown) throw new ExitBlockedException(status);
    }

    @Override
    public void checkPermission(Permission perm) {
    }

    @Override
    public void checkPermission(Permission perm, Object context) {
    }
}
