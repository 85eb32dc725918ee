package dev.flytejava.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.flytejava.kernel.eval.CellSegments;
import dev.flytejava.kernel.eval.Completeness;
import dev.flytejava.magics.MagicRegistry;
import dev.flytejava.magics.display.Displayable;
import dev.flytejava.magics.display.Html;
import jdk.jshell.SourceCodeAnalysis;

/**
 * {@code complete_request}, {@code inspect_request} and {@code is_complete_request}, answered by
 * JShell's source analysis (magic names by the registry). Jupyter counts cursor positions in
 * Unicode code points, Java strings in UTF-16 units: both directions are converted here.
 */
final class Introspection {

    private final Session session;

    Introspection(Session session) {
        this.session = session;
    }

    Map<String, Object> complete(String code, int cursorPos) {
        int cursor = toJava(code, cursorPos);
        List<String> matches = new ArrayList<>();
        int start = cursor;
        int lineStart = code.lastIndexOf('\n', cursor - 1) + 1;
        String beforeCursor = code.substring(lineStart, cursor);
        if (beforeCursor.strip().startsWith("%") && !beforeCursor.strip().contains(" ")) {
            String typed = beforeCursor.strip();
            boolean cell = typed.startsWith("%%");
            String prefix = typed.substring(cell ? 2 : 1);
            MagicRegistry magics = session.magics();
            for (MagicRegistry.Entry e : cell ? magics.cellMagics() : magics.lineMagics()) {
                if (e.name().startsWith(prefix)) matches.add((cell ? "%%" : "%") + e.name());
            }
            start = lineStart + beforeCursor.indexOf('%');
        } else {
            int[] anchor = new int[1];
            List<SourceCodeAnalysis.Suggestion> suggestions =
                    session.shell().analysis().completionSuggestions(withoutMagicLines(code), cursor, anchor);
            Set<String> unique = new LinkedHashSet<>();
            suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType).forEach(s -> unique.add(s.continuation()));
            suggestions.forEach(s -> unique.add(s.continuation()));
            unique.removeIf(name -> name.startsWith("__")); // helpers the magics define (__flyte_addOne_impl), not for users
            matches.addAll(unique);
            start = anchor[0];
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("status", "ok");
        reply.put("matches", matches);
        reply.put("cursor_start", toJupyter(code, start));
        reply.put("cursor_end", toJupyter(code, cursor));
        reply.put("metadata", Map.of());
        return reply;
    }

    Map<String, Object> inspect(String code, int cursorPos) {
        int cursor = toJava(code, cursorPos);
        String text = documentation(withoutMagicLines(code), cursor);
        // what a magic knows of the name (a task's Flyte interface) goes above JShell's signature
        Optional<Map<String, String>> described = identifierAt(code, cursor).flatMap(name -> session.magics().inspect(name))
                .map(Displayable::mimeBundle);
        Map<String, Object> data = new LinkedHashMap<>();
        if (described.isPresent()) {
            String plain = described.get().getOrDefault("text/plain", "");
            data.put("text/plain", text == null ? plain : plain + "\n\n" + text);
            String html = described.get().get("text/html");
            if (html != null) data.put("text/html", html + (text == null ? "" : "<pre>" + Html.escape(text) + "</pre>"));
        } else if (text != null) {
            data.put("text/plain", text);
        }
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("status", "ok");
        reply.put("found", !data.isEmpty());
        reply.put("data", data);
        reply.put("metadata", Map.of());
        return reply;
    }

    /** The Java identifier the cursor is in or just after, if any. */
    static Optional<String> identifierAt(String code, int cursor) {
        int start = Math.min(cursor, code.length());
        while (start > 0 && Character.isJavaIdentifierPart(code.charAt(start - 1))) start--;
        int end = Math.min(cursor, code.length());
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) end++;
        return start < end && Character.isJavaIdentifierStart(code.charAt(start)) ? Optional.of(code.substring(start, end)) : Optional.empty();
    }

    private String documentation(String code, int cursor) {
        SourceCodeAnalysis analysis = session.shell().analysis();
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(code, cursor, true);
        if (docs.isEmpty()) {
            // JShell documents a call from inside its parentheses: with the cursor in or after a method's name,
            // ask from just after the "(" that follows it ("Math.max" at the end of the code gets one)
            int end = cursor;
            while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) end++;
            if (end < code.length() && code.charAt(end) == '(') {
                docs = analysis.documentation(code, end + 1, true);
            } else if (end == code.length()) {
                docs = analysis.documentation(code + "(", end + 1, true);
            }
        }
        if (docs.isEmpty()) return null;
        StringBuilder sb = new StringBuilder();
        for (SourceCodeAnalysis.Documentation d : docs) {
            if (sb.length() > 0) sb.append("\n\n");
            sb.append(d.signature());
            if (d.javadoc() != null && !d.javadoc().isBlank()) sb.append("\n").append(d.javadoc().strip());
        }
        return sb.toString();
    }

    Map<String, Object> isComplete(String code) {
        Completeness.Verdict v = Completeness.of(code, session.shell().analysis());
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("status", v.status());
        if (v.indent() != null) reply.put("indent", v.indent());
        return reply;
    }

    /** The code with each magic line blanked (same length), so JShell sees only Java. */
    static String withoutMagicLines(String code) {
        StringBuilder sb = new StringBuilder(code.length());
        for (String line : code.split("\n", -1)) {
            if (sb.length() > 0) sb.append('\n');
            sb.append(CellSegments.isLineMagic(line) || CellSegments.isCellMagic(line) ? " ".repeat(line.length()) : line);
        }
        return sb.toString();
    }

    static int toJava(String code, int codePoints) {
        int total = code.codePointCount(0, code.length());
        return code.offsetByCodePoints(0, Math.max(0, Math.min(codePoints, total)));
    }

    static int toJupyter(String code, int index) {
        return code.codePointCount(0, Math.max(0, Math.min(index, code.length())));
    }

}
