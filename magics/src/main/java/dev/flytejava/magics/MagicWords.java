package dev.flytejava.magics;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a magic's argument line into words, as a shell would for the simple cases: whitespace
 * separates, single or double quotes group (an empty {@code ''} is an empty word), and a backslash
 * escapes a quote, a backslash or a space. Any other backslash stays as written, so paths and
 * patterns pass through untouched. Every magic set uses this one rule.
 */
public final class MagicWords {
    private MagicWords() {}

    /** The words of {@code line}; an unclosed quote is an {@link IllegalArgumentException}. */
    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && quote != '\'' && i + 1 < line.length() && escapable(line.charAt(i + 1), quote)) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (quote != 0) {
                if (c == quote) quote = 0; else word.append(c);
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) words.add(word.toString());
                word.setLength(0);
                inWord = false;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("Unclosed " + (quote == '"' ? "double" : "single")
                    + " quote in arguments [" + line.strip() + "]");
        }
        if (inWord) words.add(word.toString());
        return words;
    }

    private static boolean escapable(char next, char quote) {
        return next == '"' || next == '\\' || (quote == 0 && (next == '\'' || Character.isWhitespace(next)));
    }
}
