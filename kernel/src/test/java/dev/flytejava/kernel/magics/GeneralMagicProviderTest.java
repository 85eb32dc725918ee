package dev.flytejava.kernel.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ServiceLoader;

import dev.flytejava.magics.MagicProvider;
import dev.flytejava.magics.MagicRegistry;
import dev.flytejava.magics.MagicRegistry.Entry;
import org.junit.jupiter.api.Test;

class GeneralMagicProviderTest {

    @Test
    void isFoundByServiceLoaderAndRegistersEveryGeneralMagicWithUsage() {
        List<MagicProvider> providers = ServiceLoader.load(MagicProvider.class, getClass().getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).filter(GeneralMagicProvider.class::isInstance).toList();
        assertEquals(1, providers.size());

        MagicRegistry registry = new MagicRegistry();
        providers.get(0).register(registry);
        assertEquals(List.of("classpath", "help", "jars", "load", "lsmagic", "maven", "time"),
                registry.lineMagics().stream().map(Entry::name).toList());
        assertEquals(List.of("shell", "time"), registry.cellMagics().stream().map(Entry::name).toList());
        for (Entry entry : registry.lineMagics()) {
            assertTrue(entry.usage().startsWith("Usage: %" + entry.name()), entry.usage());
            assertTrue(!entry.summary().isBlank(), entry.name());
        }
        for (Entry entry : registry.cellMagics()) {
            assertTrue(entry.usage().startsWith("Usage: %%" + entry.name()), entry.usage());
        }
    }
}
