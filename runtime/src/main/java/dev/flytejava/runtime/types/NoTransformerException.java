package dev.flytejava.runtime.types;

import java.lang.reflect.Type;

/** No transformer handles a Java type; the message says how to write and register one. */
public class NoTransformerException extends TypeTransformerException {

    private final transient Type javaType;

    public NoTransformerException(Type javaType, String reason) {
        super("No TypeTransformer for type [" + javaType.getTypeName() + "]" + (reason.isEmpty() ? "" : " (" + reason + ")")
                + ": implement TypeTransformer<" + simpleName(javaType) + "> and register it with"
                + " TypeEngine.register(...) (or ServiceLoader), or map it onto a known type with"
                + " TypeTransformer.via(...)");
        this.javaType = javaType;
    }

    public Type javaType() {
        return javaType;
    }

    private static String simpleName(Type type) {
        return type instanceof Class<?> c ? c.getSimpleName() : type.getTypeName();
    }
}
