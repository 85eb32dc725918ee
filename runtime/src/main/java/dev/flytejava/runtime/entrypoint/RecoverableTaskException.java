package dev.flytejava.runtime.entrypoint;

/**
 * Thrown by a task to say that running it again may succeed (flytekit's {@code FlyteRecoverableException}): in a
 * cluster, the error is marked recoverable and Flyte retries the task if it has retries left.
 */
public class RecoverableTaskException extends RuntimeException {
    public RecoverableTaskException(String message) {
        super(message);
    }

    public RecoverableTaskException(String message, Throwable cause) {
        super(message, cause);
    }
}
