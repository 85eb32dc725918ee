package dev.flytejava.magics.flyte.export;

import dev.flytejava.runtime.code.CodeSnippet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The notebook class of an export: the declarations the notebook's tasks use (their code closure), in the order
 * the cells made them, as static members of one class. A task's method gets its own name back, and the statements
 * a closure holds (transformer registrations) run in static initializers in their place, as they ran in the session.
 * The class also holds the notebook's {@code TypeEngine}: cells call {@code TypeEngine.register(...)} on it, as
 * they did in the kernel.
 */
public final class NotebookSource {
    private NotebookSource() {}

    /** What JShell imports before the first cell, and what the Flyte session adds (its TypeEngine is nested here). */
    private static final List<String> SESSION_IMPORTS = List.of(
            "java.io.*", "java.math.*", "java.net.*", "java.nio.file.*", "java.util.*", "java.util.concurrent.*",
            "java.util.function.*", "java.util.prefs.*", "java.util.regex.*", "java.util.stream.*",
            "dev.flytejava.runtime.model.TaskDecorator", "dev.flytejava.runtime.model.TaskCall",
            "dev.flytejava.runtime.model.Outputs", "dev.flytejava.runtime.types.TypeTransformer",
            "dev.flytejava.runtime.types.TypeRef", "dev.flytejava.runtime.types.FlyteFile",
            "dev.flytejava.runtime.types.FlyteDirectory", "dev.flytejava.runtime.types.StructuredDataset");

    /** How the magics call into the session: a method holding it is a task's or workflow's caller, not user code. */
    private static final String SESSION_BRIDGE = "dev.flytejava.magics.flyte.FlyteNotebook.session()";

    /**
     * {@code imports}: every import of the session (a closure keeps only those it can tell are used, and unused ones
     * cost nothing) but the kernel's and the magics' own, which only a notebook has; {@code snippets}: the closure's declarations in session order.
     */
    public static String write(String pkg, String className, String notebook, List<CodeSnippet> imports,
                               List<CodeSnippet> snippets) {
        Set<String> lines = new LinkedHashSet<>();
        SESSION_IMPORTS.forEach(i -> lines.add("import " + i + ";"));
        for (CodeSnippet s : imports) {
            if (!s.source().matches("import\\s+(static\\s+)?dev\\.flytejava\\.(magics|kernel)\\..*")) lines.add(s.source().endsWith(";") ? s.source() : s.source() + ";");
        }
        StringBuilder body = new StringBuilder();
        int cell = -1;
        for (CodeSnippet s : snippets) {
            if (s.kind() == CodeSnippet.Kind.IMPORT) continue;
            if (s.kind() == CodeSnippet.Kind.METHOD && (s.source().contains(SESSION_BRIDGE) || s.name().startsWith("__flyte_probe_"))) {
                continue; // the caller the magics defined in place of a task's method, or a check of a redefinition
            }
            if (s.cell() != cell) {
                cell = s.cell();
                body.append('\n').append(indent(cell > 0 ? "// cell [" + cell + "]" : "// the session")).append('\n');
            }
            body.append(indent(member(s))).append('\n');
        }
        StringBuilder out = new StringBuilder();
        out.append("package ").append(pkg).append(";\n\n");
        lines.forEach(i -> out.append(i).append('\n'));
        out.append("\n/**\n * The code of ").append(notebook).append(" that its tasks run, as plain Java: written by flyte-java export.\n")
                .append(" * Its tasks and workflows are wired in {@link ").append(className).append("Workflows}.\n */\n");
        out.append("public final class ").append(className).append(" {\n");
        out.append(indent("""
                /** The notebook's type engine; the cells below register their transformers on it, in order. */
                private static final dev.flytejava.runtime.types.TypeEngine ENGINE =
                        dev.flytejava.runtime.types.TypeEngine.createDefault(%s.class.getClassLoader());

                private %s() {}

                /** The type engine, once every registration below has run. */
                public static dev.flytejava.runtime.types.TypeEngine engine() {
                    return ENGINE;
                }

                /** What cells call {@code TypeEngine} in the kernel: the notebook's engine. */
                static final class TypeEngine {
                    private TypeEngine() {}

                    static void register(TypeTransformer<?> transformer) {
                        ENGINE.register(transformer);
                    }

                    static void replace(TypeTransformer<?> transformer) {
                        ENGINE.replace(transformer);
                    }

                    static String describe(java.lang.reflect.Type javaType) {
                        return dev.flytejava.runtime.model.FlyteTypes.describe(ENGINE.literalTypeOf(javaType));
                    }

                    static dev.flytejava.runtime.types.TypeEngine engine() {
                        return ENGINE;
                    }
                }
                """.formatted(className, className))).append('\n');
        out.append(body).append("}\n");
        return out.toString();
    }

    /** A snippet as a static member of the notebook class. */
    private static String member(CodeSnippet s) {
        String source = s.source();
        switch (s.kind()) {
            case STATEMENT:
                return "static {\n" + indent(source.endsWith(";") || source.endsWith("}") ? source : source + ";") + "\n}";
            case VARIABLE:
                if (source.startsWith("var ")) source = s.signature() + source.substring(3); // a field cannot be var
                return "static " + (source.endsWith(";") ? source : source + ";");
            case METHOD:
                if (s.name().startsWith("__flyte_") && s.name().endsWith("_impl")) {
                    String method = s.name().substring("__flyte_".length(), s.name().length() - "_impl".length());
                    source = source.replaceFirst("\\b" + java.util.regex.Pattern.quote(s.name()) + "\\s*\\(", method + "(");
                }
                return "static " + source;
            default:
                return "static " + source;
        }
    }

    static String indent(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.strip().split("\n", -1)) sb.append(line.isBlank() ? "" : "    " + line).append('\n');
        return sb.substring(0, sb.length() - 1);
    }
}
