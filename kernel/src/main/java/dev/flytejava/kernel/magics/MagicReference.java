package dev.flytejava.kernel.magics;

import dev.flytejava.magics.MagicProvider;
import dev.flytejava.magics.MagicRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.ServiceLoader;

/**
 * docs/magic-reference.md, written from the magic registry every provider on the class path fills: each magic's
 * summary and the usage text {@code %help NAME} shows. {@code MagicReferenceTest} fails when the file is stale;
 * {@code main(FILE)} rewrites it.
 */
public final class MagicReference {
    private MagicReference() {}

    public static String markdown(MagicRegistry registry) {
        StringBuilder md = new StringBuilder();
        md.append("# Magic reference\n\n")
                .append("<!-- Generated from the magic registry by dev.flytejava.kernel.magics.MagicReference; do not edit.\n")
                .append("     Regenerate: mvn -o -q -pl kernel test -Dtest=MagicReferenceTest -Dmagic-reference.update=true -->\n\n")
                .append("Every magic the kernel knows, with the usage text `%help NAME` shows in a notebook. ")
                .append("[magics.md](magics.md) and [flyte-magics.md](flyte-magics.md) explain them with examples.\n");
        section(md, "Line magics", "%", registry.lineMagics());
        section(md, "Cell magics", "%%", registry.cellMagics());
        return md.toString();
    }

    private static void section(StringBuilder md, String title, String prefix, List<MagicRegistry.Entry> entries) {
        md.append("\n## ").append(title).append("\n\n| magic | what it does |\n|---|---|\n");
        for (MagicRegistry.Entry e : entries) {
            md.append("| [`").append(prefix).append(e.name()).append("`](#").append(anchor(prefix, e.name())).append(") | ")
                    .append(e.summary().replace("|", "\\|")).append(" |\n");
        }
        for (MagicRegistry.Entry e : entries) {
            md.append("\n### ").append(prefix).append(e.name()).append("\n\n").append(e.summary()).append("\n");
            String usage = e.usage().strip();
            if (!usage.isEmpty()) md.append("\n```\n").append(usage).append("\n```\n");
        }
    }

    /** GitHub's heading anchor: lower case, punctuation such as % dropped. */
    private static String anchor(String prefix, String name) {
        return (prefix + name).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }

    /**
     * The reference of every magic the product ships: the providers on this class path, less those a test class
     * folder adds (the kernel's tests register magics of their own such as {@code %boom}).
     */
    public static String current() {
        MagicRegistry registry = new MagicRegistry();
        for (MagicProvider provider : ServiceLoader.load(MagicProvider.class, MagicReference.class.getClassLoader())) {
            if (!fromTestClasses(provider.getClass())) provider.register(registry);
        }
        return markdown(registry);
    }

    private static boolean fromTestClasses(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return source != null && source.getLocation() != null && source.getLocation().getPath().contains("/test-classes");
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            // no System.exit: cells reach this class parent-first, and the kernel jar keeps exits to its entry points
            throw new IllegalArgumentException("usage: MagicReference FILE (e.g. docs/magic-reference.md)");
        }
        Files.writeString(Path.of(args[0]), current(), StandardCharsets.UTF_8);
    }
}
