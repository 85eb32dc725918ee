package dev.flytejava.kernel.eval;

import java.util.List;

import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

/**
 * Answers {@code is_complete}: whether a front end should run the code now ({@code complete}),
 * wait for more lines ({@code incomplete}, with an indent), or whether it can never compile
 * ({@code invalid}). Magic lines are complete on their own and are left out of the Java analysis.
 */
public final class Completeness {

    /** The reply's status and, for incomplete code, the indent of the next line. */
    public record Verdict(String status, String indent) {
        static Verdict complete() {
            return new Verdict("complete", null);
        }
    }

    private Completeness() {
    }

    public static Verdict of(String code, SourceCodeAnalysis analysis) {
        List<CellSegments.Segment> segments = CellSegments.split(code);
        if (!segments.isEmpty() && segments.get(0) instanceof CellSegments.CellMagicCall) return Verdict.complete();
        StringBuilder java = new StringBuilder();
        for (CellSegments.Segment s : segments) {
            if (s instanceof CellSegments.JavaCode j) java.append(j.source());
        }
        return ofJava(java.toString(), analysis);
    }

    static Verdict ofJava(String java, SourceCodeAnalysis analysis) {
        String remaining = java;
        while (true) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            switch (info.completeness()) {
                case COMPLETE, COMPLETE_WITH_SEMI -> remaining = info.remaining();
                case EMPTY -> {
                    return Verdict.complete();
                }
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    return new Verdict("incomplete", indent(remaining));
                }
                default -> {
                    return new Verdict("invalid", null);
                }
            }
        }
    }

    /** The indent of the last line, one level deeper if it opens a block or parenthesis. */
    static String indent(String partial) {
        String[] lines = partial.split("\n", -1);
        String last = lines[lines.length - 1].isBlank() && lines.length > 1 ? lines[lines.length - 2] : lines[lines.length - 1];
        int ws = 0;
        while (ws < last.length() && (last.charAt(ws) == ' ' || last.charAt(ws) == '\t')) ws++;
        String base = last.substring(0, ws);
        int open = 0;
        for (char c : last.toCharArray()) {
            if (c == '{' || c == '(') open++;
            else if ((c == '}' || c == ')') && open > 0) open--;
        }
        return open > 0 ? base + "    " : base;
    }
}
