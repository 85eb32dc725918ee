package dev.flytejava.magics.flyte.render;

import dev.flytejava.magics.display.Displayable;
import dev.flytejava.magics.display.Html;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A plain table: aligned columns as {@code text/plain}, a {@code <table>} as {@code text/html}. */
public record Table(String caption, List<String> header, List<List<String>> rows) implements Displayable {

    public Table {
        header = List.copyOf(header);
        List<List<String>> copy = new ArrayList<>();
        for (List<String> row : rows) {
            if (row.size() != header.size()) throw new IllegalArgumentException("row " + row + " does not match " + header);
            copy.add(List.copyOf(row));
        }
        rows = List.copyOf(copy);
    }

    @Override
    public Map<String, String> mimeBundle() {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", text());
        bundle.put("text/html", html());
        return bundle;
    }

    public String text() {
        int[] width = new int[header.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = header.get(i).length();
            for (List<String> row : rows) width[i] = Math.max(width[i], row.get(i).length());
        }
        StringBuilder sb = new StringBuilder(caption);
        if (rows.isEmpty()) return sb.append(": none").toString();
        line(sb.append('\n'), header, width);
        for (List<String> row : rows) line(sb.append('\n'), row, width);
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] width) {
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            sb.append(cell);
            if (i < cells.size() - 1) sb.append(" ".repeat(width[i] - cell.length() + 2));
        }
    }

    public String html() {
        StringBuilder sb = new StringBuilder("<table class=\"flyte-table\"><caption style=\"text-align:left\"><b>")
                .append(Html.escape(caption)).append("</b></caption><thead><tr>");
        for (String h : header) sb.append("<th style=\"text-align:left\">").append(Html.escape(h)).append("</th>");
        sb.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            sb.append("<tr>");
            for (String cell : row) sb.append("<td style=\"text-align:left\">").append(Html.escape(cell)).append("</td>");
            sb.append("</tr>");
        }
        return sb.append("</tbody></table>").toString();
    }
}
