package dev.flytejava.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import dev.flytejava.kernel.cell.CellRunner;
import dev.flytejava.kernel.cell.SessionMagicContext;
import dev.flytejava.kernel.io.CellInput;
import dev.flytejava.kernel.io.OutputRouter;
import dev.flytejava.kernel.notebook.Notebook;
import dev.flytejava.kernel.wire.KernelConnection;
import dev.flytejava.kernel.wire.Messages;
import dev.flytejava.kernel.wire.RequestChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.comm.CommOpenCommand;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.dflib.jjava.jupyter.messages.request.CompleteRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.InspectRequest;
import org.dflib.jjava.jupyter.messages.request.IsCompleteRequest;
import org.dflib.jjava.jupyter.messages.request.ShutdownRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kernel process: binds the channels of a connection file, answers each shell and control
 * request between {@code busy} and {@code idle} statuses, and runs until a shutdown request.
 * Everything slow (JShell, magics) starts on background threads after binding.
 */
public final class FlyteJavaKernel {

    private static final Logger LOG = LoggerFactory.getLogger(FlyteJavaKernel.class);

    private final KernelConnection connection;
    private final Messages messages;
    private final Session session;
    private final OutputRouter output;
    private final ExecuteHandler execute;
    private final Introspection introspection;
    private final CountDownLatch shutdown = new CountDownLatch(1);
    private final SessionMagicContext context;

    private FlyteJavaKernel(KernelConnectionProperties props) throws GeneralSecurityException {
        this.connection = new KernelConnection(props, this::onShell, this::onControl);
        this.messages = connection.messages();
        ClassLoader kernelLoader = FlyteJavaKernel.class.getClassLoader();
        this.session = new Session(kernelLoader, problem -> LOG.warn(problem));
        this.output = new OutputRouter(connection.iopub(), messages);
        CellInput input = new CellInput(connection.stdin(), output);
        DisplayPublisher display = new DisplayPublisher(connection.iopub(), messages, output);
        Notebook.connect(display);
        this.context = new SessionMagicContext(session::startedShell, output, display, session::magics);
        CellRunner runner = new CellRunner(session::shell, session::magics, context);
        this.execute = new ExecuteHandler(messages, connection.iopub(), output, input, runner, session, display);
        this.introspection = new Introspection(session);
        output.install();
        System.setIn(input);
    }

    /** Runs a kernel on the given connection file until it is told to shut down. */
    public static void run(Path connectionFile) throws IOException, GeneralSecurityException, InterruptedException {
        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(connectionFile, StandardCharsets.UTF_8));
        FlyteJavaKernel kernel = new FlyteJavaKernel(props);
        kernel.connection.start();
        kernel.status(null, PublishStatus.State.STARTING);
        kernel.session.start(kernel.context);
        kernel.installInterruptSignal();
        kernel.shutdown.await();
    }

    private void installInterruptSignal() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> execute.interrupt());
        } catch (IllegalArgumentException e) {
            LOG.warn("SIGINT cannot be handled here; interrupt with an interrupt_request instead");
        }
    }

    private void onShell(RequestChannel channel, Message<?> request) {
        String type = request.getHeader().getType().getName();
        status(request, PublishStatus.State.BUSY);
        try {
            switch (type) {
                case "execute_request" -> {
                    // Abort before this request's idle: clients send their next cell once they see it.
                    if (execute.execute(channel, request)) abortQueued(channel);
                }
                case "kernel_info_request" -> reply(channel, request, MessageType.KERNEL_INFO_REPLY, KernelInfo.content());
                case "complete_request" -> {
                    CompleteRequest r = (CompleteRequest) request.getContent();
                    reply(channel, request, MessageType.COMPLETE_REPLY, introspection.complete(r.getCode(), r.getCursorPos()));
                }
                case "inspect_request" -> {
                    InspectRequest r = (InspectRequest) request.getContent();
                    reply(channel, request, MessageType.INSPECT_REPLY, introspection.inspect(r.getCode(), r.getCursorPos()));
                }
                case "is_complete_request" -> {
                    IsCompleteRequest r = (IsCompleteRequest) request.getContent();
                    reply(channel, request, MessageType.IS_COMPLETE_REPLY, introspection.isComplete(r.getCode()));
                }
                case "history_request" -> reply(channel, request, MessageType.HISTORY_REPLY, history((HistoryRequest) request.getContent()));
                case "comm_info_request" -> reply(channel, request, MessageType.COMM_INFO_REPLY, Map.of("status", "ok", "comms", Map.of()));
                case "comm_open" -> refuseComm(request);
                case "shutdown_request" -> shutdown(channel, request);
                case "interrupt_request" -> interrupt(channel, request);
                default -> LOG.debug("Ignoring [{}] on shell", type);
            }
        } finally {
            status(request, PublishStatus.State.IDLE);
        }
    }

    /** Answers the execute requests already queued behind a failed cell with {@code aborted}. */
    private void abortQueued(RequestChannel channel) {
        channel.drainPending(queued -> {
            if (queued.getHeader().getType() == MessageType.EXECUTE_REQUEST) {
                status(queued, PublishStatus.State.BUSY);
                execute.abort(channel, queued);
                status(queued, PublishStatus.State.IDLE);
            } else {
                onShell(channel, queued);
            }
        });
    }

    private void onControl(RequestChannel channel, Message<?> request) {
        String type = request.getHeader().getType().getName();
        status(request, PublishStatus.State.BUSY);
        try {
            switch (type) {
                case "interrupt_request" -> interrupt(channel, request);
                case "shutdown_request" -> shutdown(channel, request);
                case "kernel_info_request" -> reply(channel, request, MessageType.KERNEL_INFO_REPLY, KernelInfo.content());
                default -> LOG.debug("Ignoring [{}] on control", type);
            }
        } finally {
            status(request, PublishStatus.State.IDLE);
        }
    }

    /** No comm targets are registered: a {@code comm_open} is answered with {@code comm_close}, as the protocol asks. */
    private void refuseComm(Message<?> request) {
        if (request.getContent() instanceof CommOpenCommand open) {
            connection.iopub().send(messages.publish(request, MessageType.COMM_CLOSE_COMMAND,
                    Map.of("comm_id", open.getCommID(), "data", Map.of())));
        }
    }

    private void interrupt(RequestChannel channel, Message<?> request) {
        execute.interrupt();
        reply(channel, request, MessageType.INTERRUPT_REPLY, Map.of("status", "ok"));
    }

    private void shutdown(RequestChannel channel, Message<?> request) {
        boolean restart = request.getContent() instanceof ShutdownRequest s && s.isRestart();
        execute.interrupt();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("status", "ok");
        content.put("restart", restart);
        reply(channel, request, MessageType.SHUTDOWN_REPLY, content);
        Thread exit = new Thread(() -> {
            connection.iopub().flush();
            // Closing waits for the sockets; a cell that ignores its interrupt must not keep the
            // process alive, so the exit comes after two seconds at the latest.
            Thread closer = new Thread(connection::close, "flyte-java-close");
            closer.setDaemon(true);
            closer.start();
            try {
                closer.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                shutdown.countDown();
                System.exit(0);
            }
        }, "flyte-java-shutdown");
        exit.start();
    }

    private Map<String, Object> history(HistoryRequest request) {
        java.util.List<History.Entry> entries;
        History history = execute.history();
        if (request instanceof HistoryRequest.Tail t) entries = history.tail(t.getMaxReturnLength());
        else if (request instanceof HistoryRequest.Range r) entries = history.range(r.getSessionIndex(), r.getStart(), r.getStop());
        else if (request instanceof HistoryRequest.Search s) entries = history.search(s.getPattern(), s.getMaxReturnLength(), s.filterUnique());
        else entries = java.util.List.of();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("status", "ok");
        content.put("history", History.toReply(entries, request.includeOutput()));
        return content;
    }

    private void reply(RequestChannel channel, Message<?> request, MessageType<?> type, Object content) {
        channel.sendMessage(messages.reply(request, type, content));
    }

    private void status(Message<?> parent, PublishStatus.State state) {
        connection.iopub().send(messages.publish(parent, MessageType.PUBLISH_STATUS, Map.of("execution_state", state.name().toLowerCase())));
    }
}
