package dev.flytejava.kernel.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

class MagicArgsTest {

    enum Color { RED, GREEN }

    @Command(name = "%paint", description = "Paints things.")
    static final class PaintOptions {
        @Parameters(paramLabel = "THING", arity = "1..*") List<String> things = new ArrayList<>();
        @Option(names = "--color", paramLabel = "COLOR") Color color = Color.RED;
        @Option(names = "--coats", paramLabel = "N") int coats = 1;
        @Option(names = "--dry") boolean dry;
    }

    @Test
    void splitsLikeAShellWithoutExpansion() {
        assertEquals(List.of("a", "b c", "d e", "f\"g", "", "h'i", "$HOME"),
                MagicArgs.split("  a 'b c' \"d e\" f\\\"g '' \"h'i\" $HOME "));
        assertEquals(List.of(), MagicArgs.split("   "));
    }

    @Test
    void unclosedQuoteIsAnError() {
        MagicArgumentException e = assertThrows(MagicArgumentException.class,
                () -> MagicArgs.parse(new PaintOptions(), "wall 'oops"));
        assertTrue(e.getMessage().contains("Unclosed single quote"), e.getMessage());
        assertEquals("%paint", e.magic());
    }

    @Test
    void parsesTypedOptions() {
        PaintOptions options = MagicArgs.parse(new PaintOptions(), "wall door --color green --coats=3 --dry");
        assertEquals(List.of("wall", "door"), options.things);
        assertEquals(Color.GREEN, options.color);
        assertEquals(3, options.coats);
        assertTrue(options.dry);
    }

    @Test
    void unknownOptionNamesTheOptionAndTheAllowedForm() {
        MagicArgumentException e = assertThrows(MagicArgumentException.class,
                () -> MagicArgs.parse(new PaintOptions(), "wall --colour red"));
        assertEquals("Unknown option [--colour] in [%paint]; expected: "
                + "%paint [--dry] [--coats=N] [--color=COLOR] THING...", e.getMessage());
    }

    @Test
    void badValueNamesTheOptionAndItsForm() {
        MagicArgumentException e = assertThrows(MagicArgumentException.class,
                () -> MagicArgs.parse(new PaintOptions(), "wall --coats many"));
        assertTrue(e.problem().startsWith("Bad value for option [--coats=N]"), e.problem());
        assertTrue(e.problem().contains("'many'"), e.problem());
        assertTrue(e.allowedForm().startsWith("%paint"), e.allowedForm());
    }

    @Test
    void missingParameterIsNamed() {
        MagicArgumentException e = assertThrows(MagicArgumentException.class,
                () -> MagicArgs.parse(new PaintOptions(), "--dry"));
        assertEquals("Missing parameter [THING]", e.problem());
        MagicArgumentException noValue = assertThrows(MagicArgumentException.class,
                () -> MagicArgs.parse(new PaintOptions(), "wall --color"));
        assertEquals("Missing option [--color=COLOR]", noValue.problem());
    }

    @Test
    void usageIsPicocliHelpText() {
        String usage = MagicArgs.usage(new PaintOptions());
        assertTrue(usage.startsWith("Usage: %paint [--dry] [--coats=N] [--color=COLOR] THING..."), usage);
        assertTrue(usage.contains("Paints things."), usage);
    }
}
