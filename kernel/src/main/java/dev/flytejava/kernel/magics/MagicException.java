package dev.flytejava.kernel.magics;

/**
 * A magic could not do its job for a reason the user can fix, other than its arguments' form (a missing
 * file, an artifact not found, a failed script). The message says what and where; a kernel shows it
 * without a stack trace, as it does for {@link IllegalStateException}s.
 */
public class MagicException extends IllegalStateException {

    public MagicException(String message) {
        super(message);
    }

    public MagicException(String message, Throwable cause) {
        super(message, cause);
    }
}
