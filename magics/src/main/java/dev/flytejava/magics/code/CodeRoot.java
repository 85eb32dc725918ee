package dev.flytejava.magics.code;

import java.util.Objects;

/**
 * Where a closure starts: a session method by name and parameter types (as written, e.g. {@code long,List<String>};
 * whitespace is ignored), a session variable by name, or the class JShell compiled a statement to (a cell's
 * {@code TypeEngine.register(...)}, which a task using that type needs too).
 */
public record CodeRoot(Kind kind, String name, String parameterTypes) {
    public enum Kind { METHOD, VARIABLE, CLASS }

    public CodeRoot {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        parameterTypes = kind == Kind.METHOD ? parameterTypes.replaceAll("\\s+", "") : "";
    }

    public static CodeRoot method(String name, String parameterTypes) {
        return new CodeRoot(Kind.METHOD, name, parameterTypes);
    }

    public static CodeRoot variable(String name) {
        return new CodeRoot(Kind.VARIABLE, name, "");
    }

    /** The snippet compiled to this class (its binary name, e.g. {@code REPL.$JShell$15}). */
    public static CodeRoot compiledTo(String className) {
        return new CodeRoot(Kind.CLASS, className, "");
    }

    public boolean method() {
        return kind == Kind.METHOD;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case METHOD -> "method " + name + "(" + parameterTypes + ")";
            case VARIABLE -> "variable " + name;
            case CLASS -> "snippet of class " + name;
        };
    }
}
