package dev.flytejava.kernel.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a cell into what runs in order. A cell whose first line starts with {@code %%name} is a
 * cell magic (args: the rest of that line, body: the rest of the cell). Otherwise every line whose
 * first non-blank characters are {@code %name} is a line magic, and the lines between magics are
 * Java code, each piece knowing the cell line it starts on. A name starts with a letter right after the
 * {@code %}, so a continued expression such as {@code % 2;} stays Java; a {@code %%name} line below the
 * first is a {@link MisplacedCellMagic}, reported as such rather than compiled as Java.
 */
public final class CellSegments {

    private CellSegments() {
    }

    /** One piece of a cell. */
    public sealed interface Segment permits JavaCode, LineMagicCall, CellMagicCall, MisplacedCellMagic {
    }

    /** Java source starting at cell line {@code firstLine} (1-based). */
    public record JavaCode(String source, int firstLine) implements Segment {
    }

    /** {@code %name args} on cell line {@code line}. */
    public record LineMagicCall(String name, String args, int line) implements Segment {
    }

    /** {@code %%name args} followed by {@code body}. */
    public record CellMagicCall(String name, String args, String body) implements Segment {
    }

    /** {@code %%name} on cell line {@code line}, which is not the first: a cell magic must own the whole cell. */
    public record MisplacedCellMagic(String name, int line) implements Segment {
    }

    /** Whether a line (leading blanks allowed) calls a line magic: {@code %name ...}. */
    public static boolean isLineMagic(String line) {
        String s = line.strip();
        return s.length() > 1 && s.charAt(0) == '%' && Character.isLetter(s.charAt(1));
    }

    /** Whether a line (leading blanks allowed) names a cell magic: {@code %%name ...}. */
    public static boolean isCellMagic(String line) {
        String s = line.strip();
        return s.length() > 2 && s.startsWith("%%") && Character.isLetter(s.charAt(2));
    }

    public static List<Segment> split(String cell) {
        String[] lines = cell.split("\r?\n", -1);
        String first = lines.length == 0 ? "" : lines[0].strip();
        if (isCellMagic(first)) {
            String[] nameArgs = nameAndArgs(first.substring(2));
            int newline = cell.indexOf('\n');
            String body = newline < 0 ? "" : cell.substring(newline + 1);
            return List.of(new CellMagicCall(nameArgs[0], nameArgs[1], body));
        }
        List<Segment> segments = new ArrayList<>();
        StringBuilder java = new StringBuilder();
        int javaStart = 1;
        for (int i = 0; i < lines.length; i++) {
            String stripped = lines[i].strip();
            if (isLineMagic(stripped)) {
                flush(segments, java, javaStart);
                String[] nameArgs = nameAndArgs(stripped.substring(1));
                segments.add(new LineMagicCall(nameArgs[0], nameArgs[1], i + 1));
                javaStart = i + 2;
            } else if (isCellMagic(stripped)) {
                flush(segments, java, javaStart);
                segments.add(new MisplacedCellMagic(nameAndArgs(stripped.substring(2))[0], i + 1));
                javaStart = i + 2;
            } else {
                if (java.length() == 0 && stripped.isEmpty()) {
                    javaStart = i + 2;
                    continue;
                }
                java.append(lines[i]).append('\n');
            }
        }
        flush(segments, java, javaStart);
        return segments;
    }

    private static void flush(List<Segment> segments, StringBuilder java, int firstLine) {
        if (!java.toString().isBlank()) segments.add(new JavaCode(java.toString(), firstLine));
        java.setLength(0);
    }

    private static String[] nameAndArgs(String text) {
        int space = 0;
        while (space < text.length() && !Character.isWhitespace(text.charAt(space))) space++;
        return new String[] {text.substring(0, space), text.substring(space).strip()};
    }
}
