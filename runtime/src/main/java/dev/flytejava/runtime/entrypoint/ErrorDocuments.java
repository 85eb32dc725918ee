package dev.flytejava.runtime.entrypoint;

import com.google.protobuf.Timestamp;
import flyteidl.core.Errors.ContainerError;
import flyteidl.core.Errors.ErrorDocument;
import flyteidl.core.Execution.ExecutionError;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;

/**
 * The {@code error.pb} documents, as flytekit's entrypoint writes them: a user error (the task threw) is
 * {@code USER}, not recoverable unless the task asked for a retry with {@link RecoverableTaskException}; a system
 * error is {@code SYSTEM}, recoverable when trying again may help (storage that failed for a while), not when it
 * cannot (the code or the inputs are missing or unreadable).
 */
final class ErrorDocuments {
    private ErrorDocuments() {}

    static ErrorDocument user(String task, Throwable thrown) {
        boolean recoverable = thrown instanceof RecoverableTaskException;
        String message = "Task [" + task + "] failed: " + thrown + "\n\n" + stackTrace(thrown);
        return document("USER:" + thrown.getClass().getSimpleName(), message, recoverable, ExecutionError.ErrorKind.USER);
    }

    static ErrorDocument system(String message, Throwable cause, boolean recoverable) {
        String text = message + (cause == null ? "" : "\n\n" + stackTrace(cause));
        return document("SYSTEM", text, recoverable, ExecutionError.ErrorKind.SYSTEM);
    }

    private static ErrorDocument document(String code, String message, boolean recoverable, ExecutionError.ErrorKind origin) {
        Instant now = Instant.now();
        ContainerError.Builder error = ContainerError.newBuilder()
                .setCode(code)
                .setMessage(message)
                .setKind(recoverable ? ContainerError.Kind.RECOVERABLE : ContainerError.Kind.NON_RECOVERABLE)
                .setOrigin(origin)
                .setTimestamp(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()));
        String worker = System.getenv("HOSTNAME");
        if (worker != null) error.setWorker(worker);
        return ErrorDocument.newBuilder().setError(error).build();
    }

    private static String stackTrace(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
