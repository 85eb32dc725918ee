package dev.flytejava.kernel.eval;

/**
 * What session code calls instead of {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt}:
 * {@link ExitCallRewriter} points those calls here in every class the session's loader defines (snippets,
 * {@code %classpath}/{@code %maven} jars), so they throw {@link ExitBlockedException} instead of ending the
 * kernel. The kernel's own exit is untouched. This guards against accidents, it is no sandbox: a call made
 * through reflection or a method handle looked up at run time still ends the kernel.
 */
public final class ExitGuard {

    /** A call that would have ended the kernel. */
    public static final class ExitBlockedException extends SecurityException {
        ExitBlockedException(String call, int status) {
            super(call + "(" + status + ") was blocked: it would end the kernel; use Kernel > Restart");
        }
    }

    private ExitGuard() {
    }

    /** Stands in for {@code System.exit(status)}. */
    public static void systemExit(int status) {
        throw new ExitBlockedException("System.exit", status);
    }

    /** Stands in for {@code runtime.exit(status)}. */
    public static void runtimeExit(Runtime runtime, int status) {
        throw new ExitBlockedException("Runtime.exit", status);
    }

    /** Stands in for {@code runtime.halt(status)}. */
    public static void runtimeHalt(Runtime runtime, int status) {
        throw new ExitBlockedException("Runtime.halt", status);
    }
}
