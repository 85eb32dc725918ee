package dev.flytejava.magics.flyte;

import dev.flytejava.magics.flyte.parse.MethodSignature;
import java.util.List;
import java.util.Set;

/**
 * The Java snippets the Flyte magics evaluate in the session. A {@code %%task} cell's method is defined
 * under a hidden name (the task's body, called through {@link TaskBinder} in whatever class JShell compiled it to
 * last) and replaced by a visible method of the same signature that runs the task through the session.
 */
final class SessionCode {
    private SessionCode() {}

    static final String BRIDGE = "dev.flytejava.magics.flyte.FlyteNotebook.session()";

    /** What the session imports so cells can name Flyte types unqualified. */
    static final List<String> IMPORTS = List.of(
            "import dev.flytejava.runtime.model.TaskDecorator;",
            "import dev.flytejava.runtime.model.TaskCall;",
            "import dev.flytejava.runtime.model.Outputs;",
            "import dev.flytejava.runtime.types.TypeTransformer;",
            "import dev.flytejava.runtime.types.TypeRef;",
            "import dev.flytejava.runtime.types.FlyteFile;",
            "import dev.flytejava.runtime.types.FlyteDirectory;",
            "import dev.flytejava.runtime.types.StructuredDataset;",
            "import dev.flytejava.magics.flyte.notebook.TypeEngine;");

    /** Types written as {@code T.class}: a TypeRef cannot take a primitive. */
    private static final Set<String> PRIMITIVES = Set.of("long", "int", "double", "float", "boolean", "short", "byte", "char");

    static String hiddenName(String method) {
        return "__flyte_" + method + "_impl";
    }

    /** The task method a hidden name stands for: {@code addOne} for {@code __flyte_addOne_impl}. */
    static String methodOf(String hiddenName) {
        return hiddenName.substring("__flyte_".length(), hiddenName.length() - "_impl".length());
    }

    /** The parameter types as written, comma-separated without spaces: {@code long,List<String>}. */
    static String parameterTypes(MethodSignature s) {
        return String.join(",", s.parameters().stream().map(p -> p.type().replaceAll("\\s+", "")).toList());
    }

    /** The name a re-declared task's method is first compiled under, to check it before it replaces the running one. */
    static String probeName(String method) {
        return "__flyte_probe_" + method + "_impl";
    }

    /** The user's method under the probe name. */
    static String probeMethod(MethodSignature s) {
        return s.renamed(probeName(s.name()));
    }

    /** The user's method under its hidden name. */
    static String hiddenMethod(MethodSignature s) {
        return s.renamed(hiddenName(s.name()));
    }

    /**
     * The visible method: same signature, runs the entity through the session.
     * {@code long addOne(long x) { return (long) FlyteNotebook.session().call("addOne", new Object[] {x}); }}
     */
    static String visibleMethod(String entityName, MethodSignature s) {
        return visibleMethod(entityName, s, false);
    }

    /**
     * A visible method that passes its parameters by name, so inputs it leaves out take their defaults:
     * {@code long small() { return (long) FlyteNotebook.session().callByName("small", new String[] {}, new Object[] {}); }}
     */
    static String visibleMethodByName(String entityName, MethodSignature s) {
        return visibleMethod(entityName, s, true);
    }

    private static String visibleMethod(String entityName, MethodSignature s, boolean byName) {
        StringBuilder params = new StringBuilder();
        StringBuilder names = new StringBuilder();
        StringBuilder args = new StringBuilder();
        for (MethodSignature.Parameter p : s.parameters()) {
            params.append(params.length() == 0 ? "" : ", ").append(p.type()).append(' ').append(p.name());
            names.append(names.length() == 0 ? "" : ", ").append(quote(p.name()));
            args.append(args.length() == 0 ? "" : ", ").append(p.name());
        }
        String invoke = byName
                ? BRIDGE + ".callByName(" + quote(entityName) + ", new String[] {" + names + "}, new Object[] {" + args + "})"
                : BRIDGE + ".call(" + quote(entityName) + ", new Object[] {" + args + "})";
        String body = s.returnsVoid() ? invoke + ";" : "return (" + s.returnType() + ") " + invoke + ";";
        return s.returnType() + " " + s.name() + "(" + params + ") { " + body + " }";
    }

    /**
     * One expression whose value is the Java types of the given type texts, in order, resolved in the
     * session so that classes declared in cells are found: {@code new java.lang.reflect.Type[] {...}}.
     */
    static String typesExpression(List<String> typeTexts) {
        StringBuilder sb = new StringBuilder("new java.lang.reflect.Type[] {");
        for (int i = 0; i < typeTexts.size(); i++) {
            String t = typeTexts.get(i).strip();
            sb.append(i == 0 ? "" : ", ");
            if (t.equals("void")) {
                sb.append("void.class");
            } else if (PRIMITIVES.contains(t)) {
                sb.append(t).append(".class");
            } else {
                sb.append("new dev.flytejava.runtime.types.TypeRef<").append(t).append(">() {}.type()");
            }
        }
        return sb.append('}').toString();
    }

    static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
