package dev.flytejava.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The inputs (and text outputs) of this kernel's executions with {@code store_history}, for
 * {@code history_request}: {@code tail}, {@code range} and {@code search} (a glob with {@code *}
 * and {@code ?}, optionally {@code unique}). One session per kernel process, number 1.
 */
final class History {

    static final int SESSION = 1;

    /** One stored execution: its execution count, input and {@code text/plain} output (or {@code null}). */
    record Entry(int line, String input, String output) {
    }

    private final List<Entry> entries = new ArrayList<>();

    synchronized void add(int line, String input, String output) {
        entries.add(new Entry(line, input, output));
    }

    synchronized List<Entry> tail(int n) {
        return List.copyOf(entries.subList(Math.max(0, entries.size() - Math.max(n, 0)), entries.size()));
    }

    /** Entries of {@code session} with {@code start <= line < stop} ({@code stop <= 0}: to the end). */
    synchronized List<Entry> range(int session, int start, int stop) {
        if (session != SESSION && session != 0) return List.of();
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.line() >= start && (stop <= 0 || e.line() < stop)) out.add(e);
        }
        return out;
    }

    /** The last {@code n} inputs matching {@code glob} ({@code n <= 0}: all), newest last. */
    synchronized List<Entry> search(String glob, int n, boolean unique) {
        Pattern p = globToRegex(glob == null || glob.isEmpty() ? "*" : glob);
        List<Entry> matches = new ArrayList<>();
        for (Entry e : entries) if (p.matcher(e.input()).matches()) matches.add(e);
        if (unique) {
            Map<String, Entry> latest = new LinkedHashMap<>();
            for (Entry e : matches) {
                latest.remove(e.input());
                latest.put(e.input(), e);
            }
            matches = new ArrayList<>(latest.values());
        }
        return n > 0 && matches.size() > n ? matches.subList(matches.size() - n, matches.size()) : matches;
    }

    static Pattern globToRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') sb.append(".*");
            else if (c == '?') sb.append('.');
            else sb.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(sb.toString(), Pattern.DOTALL);
    }

    /** The reply form of entries: {@code [session, line, input]} or {@code [session, line, [input, output]]}. */
    static List<List<Object>> toReply(List<Entry> entries, boolean output) {
        List<List<Object>> out = new ArrayList<>();
        for (Entry e : entries) {
            Object value = output ? List.of(e.input(), e.output() == null ? "" : e.output()) : e.input();
            out.add(List.of(SESSION, e.line(), value));
        }
        return out;
    }
}
