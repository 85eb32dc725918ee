package dev.flytejava.kernel.magics;

/** A magic could not do its job for a reason other than its arguments (a missing file, a failed command). */
public class MagicException extends RuntimeException {

    public MagicException(String message) {
        super(message);
    }

    public MagicException(String message, Throwable cause) {
        super(message, cause);
    }
}
