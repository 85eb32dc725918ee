package dev.flytejava.kernel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.flytejava.kernel.cell.CellRunner;
import dev.flytejava.kernel.display.MimeRenderer;
import dev.flytejava.kernel.eval.CellErrors;
import dev.flytejava.kernel.eval.CellFailure;
import dev.flytejava.kernel.io.CellInput;
import dev.flytejava.kernel.io.OutputRouter;
import dev.flytejava.kernel.wire.IOPub;
import dev.flytejava.kernel.wire.Messages;
import dev.flytejava.kernel.wire.RequestChannel;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;

/**
 * {@code execute_request}: publishes the input, runs the cell on the cell thread (never on a
 * channel thread: an interrupt may hit it), publishes its result or error, replies with the
 * pager payload, and after a failure with {@code stop_on_error} aborts the execute requests
 * already queued.
 */
final class ExecuteHandler {

    private final Messages messages;
    private final IOPub iopub;
    private final OutputRouter output;
    private final CellInput input;
    private final CellRunner runner;
    private final Session session;
    private final DisplayPublisher display;
    private final History history = new History();
    private final ExecutorService cellThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "flyte-java-cell");
        t.setDaemon(true);
        return t;
    });
    private int executionCount;

    ExecuteHandler(Messages messages, IOPub iopub, OutputRouter output, CellInput input, CellRunner runner,
                   Session session, DisplayPublisher display) {
        this.display = display;
        this.messages = messages;
        this.iopub = iopub;
        this.output = output;
        this.input = input;
        this.runner = runner;
        this.session = session;
    }

    History history() {
        return history;
    }

    /** Handles one execute request; returns {@code true} if it failed and queued cells must be aborted. */
    boolean execute(RequestChannel channel, Message<?> request) {
        ExecuteRequest req = (ExecuteRequest) request.getContent();
        boolean silent = req.isSilent();
        boolean store = req.shouldStoreHistory() && !silent;
        if (store) executionCount++;
        int count = executionCount;
        String code = req.getCode() == null ? "" : req.getCode();
        if (!silent) {
            iopub.send(messages.publish(request, MessageType.PUBLISH_EXECUTE_INPUT, Map.of("code", code, "execution_count", count)));
        }
        output.parent(request);
        input.request(request, req.isStdinEnabled());
        display.beginCell();

        Map<String, Object> reply = new LinkedHashMap<>();
        String shownText = null;
        boolean failed = false;
        try {
            Optional<CellRunner.Shown> shown = runCell(code, count);
            output.flush();
            if (shown.isPresent() && !silent && !display.isDisplayIdOfThisCell(shown.get().value())) {
                Map<String, Object> data = MimeRenderer.render(shown.get().value(), shown.get().plainText());
                shownText = String.valueOf(data.get("text/plain"));
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("execution_count", count);
                result.put("data", data);
                result.put("metadata", Map.of());
                iopub.send(messages.publish(request, MessageType.PUBLISH_EXECUTION_RESULT, result));
            }
            reply.put("status", "ok");
            reply.put("execution_count", count);
            reply.put("payload", payloads());
            reply.put("user_expressions", userExpressions(req.getUserExpr()));
        } catch (CellFailure f) {
            failed = true;
            output.flush();
            Map<String, Object> error = errorContent(f);
            iopub.send(messages.publish(request, MessageType.PUBLISH_ERROR, error));
            reply.put("status", "error");
            reply.put("execution_count", count);
            reply.putAll(error);
            reply.put("payload", List.of());
            reply.put("user_expressions", Map.of());
        } finally {
            input.request(null, false);
        }
        if (store) history.add(count, code, shownText);
        // Everything the cell published is on the wire before its reply: clients (jupyter_kernel_test
        // among them) read the reply, then expect the cell's output within 100 ms of each other.
        iopub.flush();
        channel.sendMessage(messages.reply(request, MessageType.EXECUTE_REPLY, reply));
        return failed && req.shouldStopOnError();
    }

    /** The reply to an execute request that was queued behind a failed cell. */
    void abort(RequestChannel channel, Message<?> request) {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("status", "aborted");
        reply.put("execution_count", executionCount);
        channel.sendMessage(messages.reply(request, MessageType.EXECUTE_REPLY, reply));
    }

    private Optional<CellRunner.Shown> runCell(String code, int executionCount) {
        runner.beginCell();
        Future<Optional<CellRunner.Shown>> result = cellThread.submit(() -> {
            session.shell().beginCell(executionCount);
            return runner.run(code);
        });
        while (true) {
            try {
                return result.get();
            } catch (InterruptedException e) {
                // the shell thread is never interrupted on purpose; keep waiting for the cell
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof CellFailure f) throw f;
                throw CellErrors.exception(cause);
            }
        }
    }

    /** Interrupts the running cell: stops its snippet, or interrupts its magic. */
    void interrupt() {
        session.stop();
        runner.interrupt();
    }

    private List<Map<String, Object>> payloads() {
        List<String> pages = display.pages();
        if (pages.isEmpty()) return List.of();
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("source", "page");
        page.put("data", Map.of("text/plain", String.join("\n\n", pages)));
        page.put("start", 0);
        return List.of(page);
    }

    private Map<String, Object> userExpressions(Map<String, String> expressions) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (expressions == null) return out;
        expressions.forEach((name, expr) -> {
            Map<String, Object> value = new LinkedHashMap<>();
            try {
                Optional<CellRunner.Shown> shown = runCell(expr, executionCount);
                value.put("status", "ok");
                value.put("data", shown.map(s -> MimeRenderer.render(s.value(), s.plainText())).orElse(Map.of("text/plain", "")));
                value.put("metadata", Map.of());
            } catch (CellFailure f) {
                value.put("status", "error");
                value.putAll(errorContent(f));
            }
            out.put(name, value);
        });
        return out;
    }

    /** ename, evalue and traceback: the content of an error message and the error part of a reply. */
    private static Map<String, Object> errorContent(CellFailure f) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("ename", f.ename());
        error.put("evalue", f.evalue());
        error.put("traceback", f.traceback());
        return error;
    }
}
