package dev.flytejava.magics.code;

import java.util.Objects;

/**
 * Where a closure starts: a session method by name and parameter types (as written, e.g. {@code long,List<String>};
 * whitespace is ignored) or a session variable by name.
 */
public record CodeRoot(boolean method, String name, String parameterTypes) {
    public CodeRoot {
        Objects.requireNonNull(name, "name");
        parameterTypes = method ? parameterTypes.replaceAll("\\s+", "") : "";
    }

    public static CodeRoot method(String name, String parameterTypes) {
        return new CodeRoot(true, name, parameterTypes);
    }

    public static CodeRoot variable(String name) {
        return new CodeRoot(false, name, "");
    }

    @Override
    public String toString() {
        return method ? "method " + name + "(" + parameterTypes + ")" : "variable " + name;
    }
}
