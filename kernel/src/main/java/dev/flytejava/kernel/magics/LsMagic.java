package dev.flytejava.kernel.magics;

import java.util.List;
import java.util.Map;

import dev.flytejava.magics.LineMagic;
import dev.flytejava.magics.MagicContext;
import dev.flytejava.magics.MagicRegistry.Entry;
import dev.flytejava.magics.display.Displayable;
import dev.flytejava.magics.display.Html;
import picocli.CommandLine.Command;

/** {@code %lsmagic}: lists the session's line and cell magics with their summaries. */
public final class LsMagic implements LineMagic {

    public static final String NAME = "lsmagic";
    public static final String SUMMARY = "Lists the line and cell magics with their summaries.";

    @Command(name = "%lsmagic", description = {SUMMARY, "%%help NAME shows one magic's usage."})
    static final class Options {
    }

    /** The magics of a session, shown as text and as an HTML table. */
    public record MagicListing(List<Entry> lineMagics, List<Entry> cellMagics) implements Displayable {
        public MagicListing {
            lineMagics = List.copyOf(lineMagics);
            cellMagics = List.copyOf(cellMagics);
        }

        @Override
        public Map<String, String> mimeBundle() {
            return Map.of("text/plain", text(), "text/html", html());
        }

        String text() {
            int width = 2 + maxName();
            StringBuilder text = new StringBuilder("Line magics:\n");
            lineMagics.forEach(e -> text.append(String.format("  %-" + width + "s %s%n", "%" + e.name(), e.summary())));
            text.append("Cell magics:\n");
            cellMagics.forEach(e -> text.append(String.format("  %-" + width + "s %s%n", "%%" + e.name(), e.summary())));
            text.append("Use %help NAME for a magic's usage.");
            return text.toString();
        }

        String html() {
            StringBuilder html = new StringBuilder("<table><thead><tr><th>Magic</th><th>Kind</th><th>Summary</th></tr>"
                    + "</thead><tbody>");
            lineMagics.forEach(e -> row(html, "%" + e.name(), "line", e.summary()));
            cellMagics.forEach(e -> row(html, "%%" + e.name(), "cell", e.summary()));
            return html.append("</tbody></table>").toString();
        }

        private int maxName() {
            int max = 0;
            for (Entry e : lineMagics) max = Math.max(max, e.name().length());
            for (Entry e : cellMagics) max = Math.max(max, e.name().length());
            return max;
        }

        private static void row(StringBuilder html, String name, String kind, String summary) {
            html.append("<tr><td><code>").append(Html.escape(name)).append("</code></td><td>").append(kind)
                    .append("</td><td style=\"text-align:left\">").append(Html.escape(summary)).append("</td></tr>");
        }
    }

    public static String usage() {
        return MagicArgs.usage(new Options());
    }

    @Override
    public Object eval(MagicContext context, String args) {
        MagicArgs.parse(new Options(), args);
        return new MagicListing(context.magics().lineMagics(), context.magics().cellMagics());
    }
}
