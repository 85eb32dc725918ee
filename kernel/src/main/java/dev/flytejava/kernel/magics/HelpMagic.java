package dev.flytejava.kernel.magics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.flytejava.magics.LineMagic;
import dev.flytejava.magics.MagicContext;
import dev.flytejava.magics.MagicRegistry;
import dev.flytejava.magics.MagicRegistry.Entry;
import dev.flytejava.magics.MagicRegistry.Kind;
import dev.flytejava.magics.display.Displayable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code %help [NAME]}: with a name ({@code maven}, {@code %maven} or {@code %%time}), that magic's usage in
 * the pager, as IPython's {@code ?} does; without one, an overview of the magics and the display API.
 */
public final class HelpMagic implements LineMagic {

    public static final String NAME = "help";
    public static final String SUMMARY = "Shows a magic's usage in the pager, or an overview of magics and display.";

    static final String DISPLAY_API = """
            Display API (in any cell):
              display(obj)                  shows obj now; objects that render themselves show as HTML, SVG,
                                            PNG, Markdown or JSON
              display(obj, "text/html")     shows obj as the given MIME type
              String id = display(obj);     keep the id, then updateDisplay(id, newObj) replaces it in place
              clearOutput()                 clears the cell's output so far
              page("text")                  shows text in the pager
              Display.html(s), .svg(s), .markdown(s), .json(s), .png(bytes)
                                            wrap content as a MIME bundle, e.g. display(Display.html("<b>hi</b>"))
              implements Displayable        a type of yours renders itself: Map<String, String> mimeBundle()
                                            (dev.flytejava.magics.display.Displayable)""";

    /** The magic asked about, as typed, if any. */
    record Request(Optional<String> name) {
    }

    @Command(name = "%help", description = SUMMARY)
    static final class Options {
        @Parameters(paramLabel = "NAME", arity = "0..1",
                description = "a magic's name, with or without %% or %%%%, e.g. %%maven or %%%%shell")
        String name;

        Request toRequest() {
            return new Request(Optional.ofNullable(name));
        }
    }

    /** The overview, as plain text and Markdown. */
    public record Overview(String text) implements Displayable {
        @Override
        public Map<String, String> mimeBundle() {
            return Map.of("text/plain", text, "text/markdown", "```\n" + text + "\n```");
        }
    }

    public static String usage() {
        return MagicArgs.usage(new Options());
    }

    @Override
    public Object eval(MagicContext context, String args) {
        Request request = MagicArgs.parse(new Options(), args).toRequest();
        if (request.name().isEmpty()) {
            return overview(context.magics());
        }
        context.page(page(context.magics(), request.name().get()));
        return null;
    }

    static Overview overview(MagicRegistry magics) {
        String listing = new LsMagic.MagicListing(magics.lineMagics(), magics.cellMagics()).text();
        return new Overview("Magics start a line with % or a cell with %%.\n" + listing + "\n\n" + DISPLAY_API);
    }

    /**
     * The usage of every magic the name denotes: {@code %%x} a cell magic, {@code %x} the line magic (or the
     * cell magic when no line magic has that name), {@code x} both.
     */
    static String page(MagicRegistry magics, String typed) {
        String name = typed.replaceFirst("^%%?", "");
        List<Entry> entries = new ArrayList<>();
        Optional<Entry> line = magics.entry(Kind.LINE, name);
        Optional<Entry> cell = magics.entry(Kind.CELL, name);
        if (typed.startsWith("%%")) {
            cell.ifPresent(entries::add);
        } else if (typed.startsWith("%")) {
            line.or(() -> cell).ifPresent(entries::add);
        } else {
            line.ifPresent(entries::add);
            cell.ifPresent(entries::add);
        }
        if (entries.isEmpty()) {
            throw new MagicException("Unknown magic [" + typed + "] in [%help]; known magics: " + magics.knownNames());
        }
        StringBuilder page = new StringBuilder();
        for (Entry entry : entries) {
            if (page.length() > 0) page.append("\n\n");
            page.append(entry.kind() == Kind.LINE ? "%" : "%%").append(entry.name()).append(": ").append(entry.summary());
            if (!entry.usage().isBlank()) page.append("\n\n").append(entry.usage());
        }
        return page.toString();
    }
}
