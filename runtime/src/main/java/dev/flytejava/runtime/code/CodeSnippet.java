package dev.flytejava.runtime.code;

import java.util.Objects;

/**
 * One declaration a task's code uses: an import, a type, a method or a variable, as the user wrote it.
 *
 * <p>{@code name} is the declared name (an import's full name, e.g. {@code java.util.*}); {@code signature} the
 * parameter types of a method ({@code long,List<String>}) or the declared type of a variable, else empty.
 * {@code value} is a variable's current value as text when the closure captures it by value (primitives, their boxes
 * and Strings: a later assignment changes what the task computes), else {@code null}. {@code className} is the
 * class JShell compiled it to ({@code null} for imports) and {@code cell} the execution count of the cell that
 * declared it (0 when unknown); neither is part of the hash, since both depend on unrelated cells.
 */
public record CodeSnippet(Kind kind, String name, String signature, String source, String value, String className, int cell) {

    /** What a snippet declares; {@link #label} is how messages and listings name it. */
    public enum Kind {
        IMPORT("import"), CLASS("class"), INTERFACE("interface"), ENUM("enum"), RECORD("record"),
        ANNOTATION("annotation"), METHOD("method"), VARIABLE("variable"), STATEMENT("statement");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean isType() {
            return this != IMPORT && this != METHOD && this != VARIABLE && this != STATEMENT;
        }
    }

    public CodeSnippet {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        signature = signature == null ? "" : signature;
        source = Objects.requireNonNull(source, "source").strip();
    }

    /** {@code method factor()}, {@code record Box}, {@code variable rate}: for messages and listings. */
    public String describe() {
        if (kind == Kind.STATEMENT) return "statement [" + firstLine(source) + "]";
        return kind.label() + " " + name + (kind == Kind.METHOD ? "(" + signature + ")" : "");
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() > 60 ? line.substring(0, 57) + "..." : line;
    }

    /** The same declaration seen at another cell or compiled to another class: what the hash compares. */
    public boolean sameCode(CodeSnippet other) {
        return kind == other.kind && name.equals(other.name) && signature.equals(other.signature)
                && source.equals(other.source) && Objects.equals(value, other.value);
    }
}
