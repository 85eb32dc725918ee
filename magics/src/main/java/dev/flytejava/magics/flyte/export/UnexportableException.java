package dev.flytejava.magics.flyte.export;

/** Something in the notebook that {@code %flyte export} cannot write as plain Java; the message names it. */
public class UnexportableException extends RuntimeException {
    public UnexportableException(String message) {
        super(message);
    }
}
