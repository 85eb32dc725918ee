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

    /** Installs the guard if the JVM allows it; returns {@code null} when it does not. */
    public static ExitGuard install() {
        ExitGuard guard = new ExitGuard();
        // Java 17 warns once on the JVM's initial stderr (the kernel log), not in a cell.
        try {
            System.setSecurityManager(guard);
            return guard;
        } catch (UnsupportedOperationException | SecurityException e) {
            return null;
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
