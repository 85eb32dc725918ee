package dev.flytejava.magics.flyte;

/**
 * The one static bridge from JShell snippets to the notebook's {@link FlyteSession}: the methods that
 * {@code %%task} and {@code %%workflow} define call {@code FlyteNotebook.session()}. Set once per
 * session and guarded, so two sessions never mix in one JVM.
 */
public final class FlyteNotebook {
    /** Volatile: every call of a declared method reads it, without taking the lock the writers share. */
    private static volatile FlyteSession current;

    private FlyteNotebook() {}

    /** The running session; an error when no Flyte magic has started one. */
    public static FlyteSession session() {
        FlyteSession session = current;
        if (session == null) {
            throw new IllegalStateException("No Flyte session is running: run a %%task, %%workflow or %flyte cell first");
        }
        return session;
    }

    static synchronized void install(FlyteSession session) {
        if (current != null && current != session) {
            throw new IllegalStateException("A different Flyte session was already started in this JVM");
        }
        current = session;
    }

    static synchronized void uninstall(FlyteSession session) {
        if (current == session) current = null;
    }
}
