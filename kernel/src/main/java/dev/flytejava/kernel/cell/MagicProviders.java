package dev.flytejava.kernel.cell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Consumer;

import dev.flytejava.magics.MagicContext;
import dev.flytejava.magics.MagicProvider;
import dev.flytejava.magics.MagicRegistry;

/**
 * Fills a registry from every {@link MagicProvider} visible to a class loader, each provider
 * class once (the first found wins), in class path order.
 */
public final class MagicProviders {

    private MagicProviders() {
    }

    /** The registry filled by the providers, and the providers, to start once the session runs. */
    public record Loaded(MagicRegistry registry, List<MagicProvider> providers) {
        public Loaded {
            providers = List.copyOf(providers);
        }

        /** Calls every provider's {@code sessionEnded}; a failure is reported, not thrown. */
        public void endAll(Consumer<String> problems) {
            for (MagicProvider provider : providers) {
                try {
                    provider.sessionEnded();
                } catch (RuntimeException | LinkageError e) {
                    problems.accept("Magic provider [" + provider.getClass().getName() + "] failed to end: " + e);
                }
            }
        }

        /** Calls every provider's {@code sessionStarted}; a failure is reported, not thrown. */
        public void startAll(MagicContext context, Consumer<String> problems) {
            for (MagicProvider provider : providers) {
                try {
                    provider.sessionStarted(context);
                } catch (Exception | LinkageError e) {
                    problems.accept("Magic provider [" + provider.getClass().getName() + "] failed to start: " + e);
                }
            }
        }
    }

    /** Registers every provider's magics; a provider that fails is reported on {@code problems}. */
    public static Loaded load(ClassLoader loader, Consumer<String> problems) {
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
        return new Loaded(registry, List.copyOf(providers.values()));
    }
}
