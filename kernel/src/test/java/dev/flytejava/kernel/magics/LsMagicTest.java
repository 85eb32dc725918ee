package dev.flytejava.kernel.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import dev.flytejava.magics.MagicRegistry;
import dev.flytejava.magics.display.Displayable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LsMagicTest {

    @TempDir
    Path dir;

    private FakeMagicContext session() {
        MagicRegistry registry = new MagicRegistry();
        new GeneralMagicProvider().register(registry);
        registry.cell("custom", "A <custom> magic & more.", "", (c, a, b) -> null);
        return new FakeMagicContext(dir, registry);
    }

    @Test
    void listsLineAndCellMagicsAsTextAndHtml() throws Exception {
        try (FakeMagicContext session = session()) {
            Object result = new LsMagic().eval(session, "");
            Map<String, String> bundle = ((Displayable) result).mimeBundle();
            String text = bundle.get("text/plain");
            for (String line : new String[] {"%lsmagic", "%help", "%classpath", "%jars", "%maven", "%load", "%time"}) {
                assertTrue(text.contains("  " + line + " "), line + " missing in:\n" + text);
            }
            assertTrue(text.contains("%%time ") && text.contains("%%shell ") && text.contains("%%custom "), text);
            assertTrue(text.indexOf("Line magics:") < text.indexOf("%maven"), text);
            assertTrue(text.indexOf("Cell magics:") < text.indexOf("%%shell"), text);
            assertTrue(text.contains(MavenMagic.SUMMARY), text);

            String html = bundle.get("text/html");
            assertTrue(html.startsWith("<table>") && html.endsWith("</table>"), html);
            assertTrue(html.contains("<tr><td><code>%maven</code></td><td>line</td>"), html);
            assertTrue(html.contains("<tr><td><code>%%shell</code></td><td>cell</td>"), html);
            assertTrue(html.contains("A &lt;custom&gt; magic &amp; more."), html);
            assertEquals(9 + 1, html.split("<tr><td>").length - 1);
        }
    }

    @Test
    void rejectsArguments() {
        try (FakeMagicContext session = session()) {
            MagicArgumentException e = assertThrows(MagicArgumentException.class,
                    () -> new LsMagic().eval(session, "--all"));
            assertEquals("Unknown option [--all] in [%lsmagic]; expected: %lsmagic", e.getMessage());
        }
    }
}
