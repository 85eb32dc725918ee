package dev.flytejava.kernel.cell;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

import dev.flytejava.magics.MagicProvider;
import dev.flytejava.magics.MagicRegistry;

/**
 * Fills a registry from every {@link MagicProvider} visible to a class loader, each provider
 * class once (the first found wins), in class path order.
 */
public final class MagicProviders {

    private MagicProviders() {
    }

    /** Registers every provider's magics; a provider that fails is reported on {@code problems}. */
    public static MagicRegistry load(ClassLoader loader, java.util.function.Consumer<String> problems) {
        Map<String, MagicProvider> providers = new LinkedHashMap<>();
        ServiceLoader.load(MagicProvider.class, loader).stream().forEach(p -> {
            try {
                providers.putIfAbsent(p.type().getName(), p.get());
            } catch (java.util.ServiceConfigurationError e) {
                problems.accept("Could not load magic provider: " + e.getMessage());
            }
        });
        MagicRegistry registry = new MagicRegistry();
        providers.forEach((name, provider) -> {
            try {
                provider.register(registry);
            } catch (RuntimeException e) {
                problems.accept("Magic provider [" + name + "] failed to register: " + e.getMessage());
            }
        });
        return registry;
    }
}
