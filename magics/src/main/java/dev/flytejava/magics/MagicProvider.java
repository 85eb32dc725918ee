package dev.flytejava.magics;

/**
 * Contributes magics to a session's registry. Found with {@link java.util.ServiceLoader} on the
 * kernel's class loader (a {@code META-INF/services/dev.flytejava.magics.MagicProvider} file per
 * module), so the kernel's general magics and the Flyte magics plug in without knowing each other.
 */
public interface MagicProvider {
    void register(MagicRegistry registry);

    /**
     * Called once when the session is ready, before the first cell runs, so a provider can prepare
     * the session (e.g. import the names its magics' users write). Default: nothing.
     */
    default void sessionStarted(MagicContext context) throws Exception {}

    /** Called once when the session ends (kernel shutdown, the end of a headless run): release what it holds. */
    default void sessionEnded() {}
}
