package dev.flytejava.kernel.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/magic-reference.md is what the magic registry says now; {@code -Dmagic-reference.update=true} rewrites it. */
class MagicReferenceTest {
    private static final Path DOC = Path.of(System.getProperty("basedir", ".")).toAbsolutePath()
            .resolve("../docs/magic-reference.md").normalize();

    @Test
    void theCommittedReferenceIsCurrent() throws Exception {
        String current = MagicReference.current();
        if (Boolean.getBoolean("magic-reference.update")) Files.writeString(DOC, current, StandardCharsets.UTF_8);
        assertTrue(Files.isRegularFile(DOC), DOC + " is missing: run with -Dmagic-reference.update=true");
        assertEquals(current, Files.readString(DOC), DOC + " is stale: regenerate it with"
                + " mvn -o -q -pl kernel test -Dtest=MagicReferenceTest -Dmagic-reference.update=true");
    }

    @Test
    void everyRegisteredMagicHasItsSectionAndUsage() {
        String md = MagicReference.current();
        for (String heading : new String[] {"### %flyte\n", "### %%task\n", "### %%workflow\n", "### %maven\n", "### %lsmagic\n"}) {
            assertTrue(md.contains(heading), heading + " in\n" + md);
        }
        assertTrue(md.contains("%flyte run NAME [--INPUT VALUE]..."), "the %flyte usage text is included");
    }
}
