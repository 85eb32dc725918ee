package dev.flytejava.runtime.code;

/** Shipped code that cannot be loaded or set up: a system error of the container, not of the task. */
public class ShippedCodeException extends RuntimeException {
    public ShippedCodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
