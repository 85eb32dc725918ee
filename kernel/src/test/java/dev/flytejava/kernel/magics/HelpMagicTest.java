package dev.flytejava.kernel.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import dev.flytejava.magics.MagicRegistry;
import dev.flytejava.magics.display.Displayable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelpMagicTest {

    @TempDir
    Path dir;

    private FakeMagicContext session() {
        MagicRegistry registry = new MagicRegistry();
        new GeneralMagicProvider().register(registry);
        return new FakeMagicContext(dir, registry);
    }

    @Test
    void namedMagicPagesItsPicocliUsage() throws Exception {
        for (String name : new String[] {"maven", "%maven"}) {
            try (FakeMagicContext session = session()) {
                assertNull(new HelpMagic().eval(session, name));
                assertEquals(1, session.pages.size());
                String page = session.pages.get(0);
                assertTrue(page.startsWith("%maven: " + MavenMagic.SUMMARY), page);
                assertTrue(page.contains("Usage: %maven [--no-transitive] [--scope=SCOPE] [--repo=[ID=]URL]... G:A:V..."),
                        page);
                assertTrue(page.contains("--no-transitive") && page.contains("compile, runtime"), page);
                assertEquals("", session.outText());
            }
        }
    }

    @Test
    void cellPrefixSelectsTheCellMagicAndBareNameShowsBoth() throws Exception {
        try (FakeMagicContext session = session()) {
            HelpMagic help = new HelpMagic();
            help.eval(session, "%%time");
            help.eval(session, "%time");
            help.eval(session, "time");
            help.eval(session, "%shell"); // no line magic of that name: the cell magic
            assertEquals(List.of("%%time: "), headings(session.pages.get(0)));
            assertEquals(List.of("%time: "), headings(session.pages.get(1)));
            assertEquals(List.of("%time: ", "%%time: "), headings(session.pages.get(2)));
            assertTrue(session.pages.get(3).startsWith("%%shell: ") && session.pages.get(3).contains("/bin/bash"));
        }
    }

    /** The "%name: " lines that start each magic's section of a page. */
    private static List<String> headings(String page) {
        return page.lines().filter(l -> l.matches("%%?time: .*")).map(l -> l.substring(0, l.indexOf(": ") + 2)).toList();
    }

    @Test
    void unknownMagicListsTheKnownOnes() {
        try (FakeMagicContext session = session()) {
            MagicException e = assertThrows(MagicException.class, () -> new HelpMagic().eval(session, "%mavne"));
            assertTrue(e.getMessage().startsWith("Unknown magic [%mavne] in [%help]; known magics: "), e.getMessage());
            assertTrue(e.getMessage().contains("%maven") && e.getMessage().contains("%%shell"), e.getMessage());
            assertTrue(session.pages.isEmpty());
        }
    }

    @Test
    void withoutNameShowsAnOverviewOfMagicsAndTheDisplayApi() throws Exception {
        try (FakeMagicContext session = session()) {
            Object result = new HelpMagic().eval(session, "");
            String text = ((Displayable) result).mimeBundle().get("text/plain");
            assertTrue(text.contains("%lsmagic") && text.contains("%%shell"), text);
            assertTrue(text.contains("display(obj, \"text/html\")") && text.contains("updateDisplay(id, newObj)")
                    && text.contains("clearOutput()"), text);
            assertTrue(((Displayable) result).mimeBundle().containsKey("text/markdown"));
        }
    }

    @Test
    void tooManyNamesIsAnError() {
        try (FakeMagicContext session = session()) {
            MagicArgumentException e = assertThrows(MagicArgumentException.class,
                    () -> new HelpMagic().eval(session, "maven jars"));
            assertEquals("Unexpected argument [jars] in [%help]; expected: %help [NAME]", e.getMessage());
        }
    }
}
