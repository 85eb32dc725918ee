package dev.flytejava.magics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class MagicWordsTest {

    @Test
    void quotesGroupAndEmptyQuotesAreAWord() {
        assertEquals(List.of("a", "b c", "d e", "", "x=1 2", "h'i"),
                MagicWords.split(" a 'b c' \"d e\" '' x='1 2' \"h'i\" "));
        assertEquals(List.of(), MagicWords.split("   "));
    }

    @Test
    void backslashEscapesQuotesBackslashesAndSpacesOnly() {
        assertEquals(List.of("d\"e", "f\"g", "a b", "C:\\tmp\\x", "\\d+", "it's"),
                MagicWords.split("\"d\\\"e\" f\\\"g a\\ b C:\\tmp\\x \\d+ it\\'s"));
        assertEquals(List.of("'\\n'"), MagicWords.split("\"'\\n'\""));
        assertEquals(List.of("a\\b"), MagicWords.split("'a\\b'"));
    }

    @Test
    void unclosedQuoteNamesTheQuoteAndTheLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MagicWords.split("run 'oops"));
        assertTrue(e.getMessage().contains("Unclosed single quote in arguments [run 'oops]"), e.getMessage());
    }
}
