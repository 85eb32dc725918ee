package dev.flytejava.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.magics.display.Displayable;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MagicRegistryTest {

    private static Displayable text(String text) {
        return () -> Map.of("text/plain", text);
    }

    @Test
    void aNameRegisteredTwiceIsAnErrorUnlessReplaced() {
        MagicRegistry registry = new MagicRegistry().line("echo", "", "", (ctx, args) -> args);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> registry.line("echo", "", "", (ctx, args) -> args));
        assertEquals("Magic [%echo] is already registered; use replace(...) to override it", e.getMessage());
        registry.replace(new MagicRegistry.Entry("echo", MagicRegistry.Kind.LINE, "loud", "", (LineMagic) (ctx, args) -> args));
        assertEquals("loud", registry.entry(MagicRegistry.Kind.LINE, "echo").orElseThrow().summary());
    }

    @Test
    void inspectorsAreAskedInTheOrderTheyWereAdded() {
        MagicRegistry registry = new MagicRegistry()
                .inspector(name -> name.equals("a") ? Optional.of(text("first a")) : Optional.empty())
                .inspector(name -> Optional.of(text("second " + name)));
        assertEquals("first a", registry.inspect("a").orElseThrow().mimeBundle().get("text/plain"));
        assertEquals("second b", registry.inspect("b").orElseThrow().mimeBundle().get("text/plain"));
        assertTrue(new MagicRegistry().inspect("a").isEmpty());
    }
}
