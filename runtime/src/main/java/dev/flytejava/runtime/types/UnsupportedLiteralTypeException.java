package dev.flytejava.runtime.types;

import flyteidl.core.Types.LiteralType;

/** No Java type can stand for a Flyte literal type (for example a structured dataset or a Python pickle). */
public class UnsupportedLiteralTypeException extends TypeTransformerException {

    private final transient LiteralType literalType;

    public UnsupportedLiteralTypeException(LiteralType literalType, String description, String reason) {
        super("Unsupported Flyte type [" + description + "]: " + reason);
        this.literalType = literalType;
    }

    public LiteralType literalType() {
        return literalType;
    }
}
