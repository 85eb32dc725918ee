package dev.flytejava.runtime.types;

/**
 * A value or literal could not be converted. {@link #detail()} says what (the value, its Java type and the
 * expected Flyte type); {@link #path()} says where inside the value, as a JSON-path-like string rooted at
 * {@code $} (for example {@code $.points[2].x}). Callers that know the task and input add those around it.
 */
public class TypeTransformerException extends RuntimeException {

    public static final String ROOT = "$";

    private final String detail;
    private String path = ROOT;

    public TypeTransformerException(String detail) {
        this(detail, null);
    }

    public TypeTransformerException(String detail, Throwable cause) {
        super(detail, cause);
        this.detail = detail;
    }

    /** What went wrong, without the path. */
    public String detail() {
        return detail;
    }

    /** Where inside the value, {@code $} for the value itself. */
    public String path() {
        return path;
    }

    /**
     * Adds an enclosing segment ({@code .field}, {@code [3]}, {@code ["key"]}) in front of the path, as the
     * exception travels out of a container. Returns this exception, to be rethrown.
     */
    public TypeTransformerException prependPath(String segment) {
        path = ROOT + segment + path.substring(ROOT.length());
        return this;
    }

    @Override
    public String getMessage() {
        return ROOT.equals(path) ? detail : detail + " at [" + path + "]";
    }
}
