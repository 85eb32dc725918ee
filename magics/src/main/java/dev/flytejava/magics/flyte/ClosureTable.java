package dev.flytejava.magics.flyte;

import dev.flytejava.magics.flyte.render.Table;
import dev.flytejava.runtime.code.CodeClosure;
import dev.flytejava.runtime.code.CodeJar;
import dev.flytejava.runtime.code.CodeSnippet;
import java.util.ArrayList;
import java.util.List;

/** The code an entity runs and ships, as a table: each snippet of its closure by kind and name, then each jar. */
final class ClosureTable {
    private ClosureTable() {}

    static Table of(CodeClosure closure, String what) {
        List<List<String>> rows = new ArrayList<>();
        for (CodeSnippet s : closure.snippets()) {
            if (s.kind() == CodeSnippet.Kind.METHOD && s.name().startsWith("__flyte_")) {
                rows.add(List.of("task body", SessionCode.methodOf(s.name()) + "(" + s.signature() + ")", cell(s.cell()), firstLine(s.source())));
            } else {
                String name = s.kind() == CodeSnippet.Kind.METHOD ? s.name() + "(" + s.signature() + ")" : s.name();
                String shown = s.value() != null ? firstLine(s.source()) + "   (now " + s.value() + ")" : firstLine(s.source());
                rows.add(List.of(s.kind().label(), name, cell(s.cell()), shown));
            }
        }
        for (CodeJar j : closure.jars()) {
            rows.add(List.of("jar", j.id(), "", j.path().getFileName() + "  sha256 " + j.sha256().substring(0, 12)));
        }
        String caption = "Code of " + what + ": " + closure.snippets().size() + " snippets, " + closure.jars().size()
                + (closure.jars().size() == 1 ? " jar" : " jars") + ", hash " + closure.hash().substring(0, 12);
        return new Table(caption, List.of("kind", "name", "cell", "source"), rows);
    }

    private static String cell(int count) {
        return count > 0 ? String.valueOf(count) : "";
    }

    private static String firstLine(String source) {
        String line = source.strip().lines().findFirst().orElse("");
        return line.length() > 80 ? line.substring(0, 77) + "..." : line;
    }
}
