package dev.flytejava.magics;

/**
 * Contributes magics to a session's registry. Found with {@link java.util.ServiceLoader} on the
 * kernel's class loader (a {@code META-INF/services/dev.flytejava.magics.MagicProvider} file per
 * module), so the kernel's general magics and the Flyte magics plug in without knowing each other.
 */
public interface MagicProvider {
    void register(MagicRegistry registry);
}
