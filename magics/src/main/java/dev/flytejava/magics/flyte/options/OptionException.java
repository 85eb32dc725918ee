package dev.flytejava.magics.flyte.options;

/** A magic's options that cannot be read; the message names the option and the allowed form. */
public final class OptionException extends IllegalArgumentException {
    public OptionException(String message) {
        super(message);
    }
}
