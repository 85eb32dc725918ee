package dev.flytejava.magics;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The line and cell magics a session knows, each with a one-line summary and its usage text (for
 * {@code %lsmagic} and {@code %help}). Registering a name twice is an error; {@link #replace}
 * makes an override explicit.
 */
public final class MagicRegistry {

    /**
     * A registered magic: its name (without {@code %}), kind, summary and usage text. The usage text is rendered on
     * first use (only {@code %help} reads it), so registering costs nothing at session start.
     */
    public record Entry(String name, Kind kind, String summary, Supplier<String> usageText, Object magic) {
        public Entry {
            if (name == null || name.isBlank()) throw new IllegalArgumentException("magic name is blank");
            summary = summary == null ? "" : summary;
            usageText = once(usageText == null ? () -> "" : usageText);
        }

        public Entry(String name, Kind kind, String summary, String usage, Object magic) {
            this(name, kind, summary, () -> usage, magic);
        }

        public String usage() {
            String usage = usageText.get();
            return usage == null ? "" : usage;
        }

        private static Supplier<String> once(Supplier<String> text) {
            return new Supplier<>() {
                private volatile String value;

                @Override
                public String get() {
                    String v = value;
                    if (v == null) {
                        v = text.get();
                        value = v == null ? "" : v;
                    }
                    return v;
                }
            };
        }
    }

    public enum Kind { LINE, CELL }

    private final Map<String, Entry> lines = Collections.synchronizedMap(new TreeMap<>());
    private final Map<String, Entry> cells = Collections.synchronizedMap(new TreeMap<>());
    private final List<Inspector> inspectors = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Adds an inspector; inspect requests ask them in the order they were added and show the first answer. */
    public MagicRegistry inspector(Inspector inspector) {
        inspectors.add(java.util.Objects.requireNonNull(inspector, "inspector"));
        return this;
    }

    /** The first description of {@code name} an inspector gives, in the order they were added. */
    public Optional<dev.flytejava.magics.display.Displayable> inspect(String name) {
        for (Inspector inspector : inspectors) {
            Optional<dev.flytejava.magics.display.Displayable> found = inspector.inspect(name);
            if (found.isPresent()) return found;
        }
        return Optional.empty();
    }

    public MagicRegistry line(String name, String summary, String usage, LineMagic magic) {
        return line(name, summary, () -> usage, magic);
    }

    /** A line magic whose usage text is rendered when first asked for (picocli's help costs milliseconds). */
    public MagicRegistry line(String name, String summary, Supplier<String> usage, LineMagic magic) {
        add(lines, new Entry(name, Kind.LINE, summary, usage, magic), false);
        return this;
    }

    public MagicRegistry cell(String name, String summary, String usage, CellMagic magic) {
        return cell(name, summary, () -> usage, magic);
    }

    /** A cell magic whose usage text is rendered when first asked for. */
    public MagicRegistry cell(String name, String summary, Supplier<String> usage, CellMagic magic) {
        add(cells, new Entry(name, Kind.CELL, summary, usage, magic), false);
        return this;
    }

    /** Registers or overrides a magic of the entry's kind. */
    public MagicRegistry replace(Entry entry) {
        add(entry.kind() == Kind.LINE ? lines : cells, entry, true);
        return this;
    }

    public Optional<LineMagic> lineMagic(String name) {
        return Optional.ofNullable(lines.get(name)).map(e -> (LineMagic) e.magic());
    }

    public Optional<CellMagic> cellMagic(String name) {
        return Optional.ofNullable(cells.get(name)).map(e -> (CellMagic) e.magic());
    }

    public Optional<Entry> entry(Kind kind, String name) {
        return Optional.ofNullable((kind == Kind.LINE ? lines : cells).get(name));
    }

    public List<Entry> lineMagics() {
        synchronized (lines) {
            return List.copyOf(lines.values());
        }
    }

    public List<Entry> cellMagics() {
        synchronized (cells) {
            return List.copyOf(cells.values());
        }
    }

    /** "%a, %b, %%c": every known magic, for error messages that list them. */
    public String knownNames() {
        StringBuilder sb = new StringBuilder();
        for (Entry e : lineMagics()) sb.append(sb.length() == 0 ? "" : ", ").append('%').append(e.name());
        for (Entry e : cellMagics()) sb.append(sb.length() == 0 ? "" : ", ").append("%%").append(e.name());
        return sb.toString();
    }

    private static void add(Map<String, Entry> map, Entry entry, boolean replace) {
        synchronized (map) {
            if (!replace && map.containsKey(entry.name())) {
                throw new IllegalStateException("Magic [" + (entry.kind() == Kind.LINE ? "%" : "%%") + entry.name()
                        + "] is already registered; use replace(...) to override it");
            }
            map.put(entry.name(), entry);
        }
    }
}
