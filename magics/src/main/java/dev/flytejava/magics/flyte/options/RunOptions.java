package dev.flytejava.magics.flyte.options;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code %flyte run WF --x 3 --label text}: the entity to run and its inputs as text, read per the
 * input's Java type later (numbers, strings, booleans, JSON for lists, maps and records).
 */
public record RunOptions(String entity, Map<String, String> inputs) {

    public static final String USAGE = "%flyte run WF [--INPUT VALUE | --INPUT=VALUE]...\n"
            + "  Runs a workflow, task or launch plan locally with a live progress display.\n"
            + "  Values are read per the input's Java type: numbers, strings, booleans, JSON for lists, maps and records.";

    public RunOptions {
        inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    }

    public static RunOptions parse(List<String> words) {
        if (words.isEmpty() || words.get(0).startsWith("-")) {
            throw new OptionException("%flyte run needs the name of a workflow, task or launch plan first\nUsage: " + USAGE);
        }
        Map<String, String> inputs = new LinkedHashMap<>();
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("--") || word.length() == 2) {
                throw new OptionException("%flyte run: expected --INPUT VALUE, got [" + word + "]" + cutJsonHint(words, i)
                        + "\nUsage: " + USAGE);
            }
            String name;
            String value;
            int eq = word.indexOf('=');
            if (eq > 0) {
                name = word.substring(2, eq);
                value = word.substring(eq + 1);
            } else {
                if (i + 1 >= words.size()) throw new OptionException("--" + word.substring(2) + ": missing value\nUsage: " + USAGE);
                name = word.substring(2);
                value = words.get(++i);
            }
            if (inputs.put(name, value) != null) throw new OptionException("--" + name + ": given twice");
        }
        return new RunOptions(words.get(0), inputs);
    }

    /** When the word before a stray one began a JSON value, that value was most likely cut at a space. */
    private static String cutJsonHint(List<String> words, int stray) {
        String before = words.get(stray - 1);
        if (stray < 3 || !words.get(stray - 2).startsWith("--") || !(before.startsWith("{") || before.startsWith("["))) {
            return "";
        }
        return "; the value of " + words.get(stray - 2) + " looks like JSON cut at a space: put the whole value in single quotes, e.g. "
                + words.get(stray - 2) + " '{\"x\": 3, \"name\": \"a\"}'";
    }
}
