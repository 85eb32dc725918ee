package dev.flytejava.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The plain command lines bound without picocli's model, and everything else left to picocli. */
class PlainArgumentsTest {
    @Test
    void bindsAPlainRegisterLine() {
        RegisterCommand c = PlainArguments.bind(new RegisterCommand(), new String[] {"nb.ipynb", "wf", "--project", "p",
                "--no-cache", "--config", "c.yaml"}).orElseThrow();
        assertEquals(Path.of("nb.ipynb"), c.notebook);
        assertEquals("wf", c.entity);
        assertEquals("p", c.project);
        assertEquals("development", c.domain, "a field's own default stays");
        assertEquals(Path.of("c.yaml"), c.config);
        assertTrue(c.noCache);
    }

    @Test
    void leavesAnythingElseToPicocli() {
        String[][] lines = {{"nb.ipynb"}, {"nb.ipynb", "wf", "extra"}, {"nb.ipynb", "wf", "--help"}, {"-h"},
                {"nb.ipynb", "wf", "--project"}, {"nb.ipynb", "wf", "--project=p"}, {"nb.ipynb", "wf", "--bogus", "x"},
                {"nb.ipynb", "wf", "--version", "-1"}};
        for (String[] line : lines) {
            assertTrue(PlainArguments.bind(new RegisterCommand(), line).isEmpty(), String.join(" ", line));
        }
        // defaults, required options and arities in annotations are picocli's to apply
        assertTrue(PlainArguments.bind(new ExportCommand(), new String[] {"nb.ipynb", "--to", "d"}).isEmpty());
        assertTrue(PlainArguments.bind(new RunCommand(), new String[] {"nb.ipynb", "wf"}).isEmpty());
        assertTrue(PlainArguments.bind(new PackageCommand(), new String[] {"nb.ipynb", "wf"}).isPresent());
    }
}
