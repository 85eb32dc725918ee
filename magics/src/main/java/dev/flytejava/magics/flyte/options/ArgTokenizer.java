package dev.flytejava.magics.flyte.options;

import java.util.List;

import dev.flytejava.magics.MagicWords;

/** The Flyte magics' words: {@link MagicWords}, with a bad line reported as an {@link OptionException}. */
public final class ArgTokenizer {
    private ArgTokenizer() {}

    public static List<String> split(String line) {
        try {
            return MagicWords.split(line);
        } catch (IllegalArgumentException e) {
            throw new OptionException(e.getMessage());
        }
    }
}
