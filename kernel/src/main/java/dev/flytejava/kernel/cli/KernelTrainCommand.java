package dev.flytejava.kernel.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

import com.google.gson.Gson;
import dev.flytejava.kernel.FlyteJavaKernel;
import dev.flytejava.kernel.wire.Messages;
import org.dflib.jjava.jupyter.channels.JupyterSocket;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * {@code flyte-java kernel train}: runs a kernel in this JVM and drives it through a short session
 * (kernel_info, a few cells, shutdown) so that {@code -XX:ArchiveClassesAtExit} can record the
 * classes a kernel loads into a class data sharing archive; {@code kernel install} does this and
 * points the kernelspec at the archive, which makes the kernel start faster.
 */
@Command(name = "train", hidden = true, description = "Run a short scripted kernel session (for the class data sharing archive).")
final class KernelTrainCommand implements Callable<Integer> {

    static final List<String> CELLS = List.of(
            "1 + 1",
            "int x = 20;",
            "String greet(String who) { return \"hello \" + who; }",
            "System.out.println(greet(\"flyte\")); x * 2",
            "record P(int a, int b) { }",
            "new P(1, 2)",
            "display(Display.html(\"<b>hi</b>\"));",
            "List.of(1, 2, 3).stream().map(i -> i * x).collect(Collectors.toList())",
            "int y = missing + 1;",
            "%lsmagic");

    @Override
    public Integer call() throws Exception {
        java.io.PrintStream log = System.err; // the in-process kernel takes System.err over
        try {
            return session();
        } catch (Exception e) {
            e.printStackTrace(log);
            return 1;
        }
    }

    private int session() throws Exception {
        Path file = Files.createTempFile("flyte-java-train", ".json");
        String key = UUID.randomUUID().toString();
        int[] ports = freePorts(5);
        Map<String, Object> conn = Map.of("ip", "127.0.0.1", "transport", "tcp", "signature_scheme", "hmac-sha256", "key", key,
                "shell_port", ports[0], "iopub_port", ports[1], "stdin_port", ports[2], "control_port", ports[3], "hb_port", ports[4]);
        Files.writeString(file, new Gson().toJson(conn), StandardCharsets.UTF_8);
        file.toFile().deleteOnExit();

        Thread kernel = new Thread(() -> {
            try {
                FlyteJavaKernel.run(file);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "flyte-java-train-kernel");
        kernel.setDaemon(true);
        kernel.start();

        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(file));
        ZMQ.Context ctx = ZMQ.context(1);
        ClientSocket shell = new ClientSocket(ctx, props);
        shell.connect("tcp://127.0.0.1:" + ports[0]);
        ClientSocket control = new ClientSocket(ctx, props);
        control.connect("tcp://127.0.0.1:" + ports[3]);
        Messages messages = new Messages();
        shell.setReceiveTimeOut(120_000);
        shell.sendMessage(messages.reply(empty(), MessageType.KERNEL_INFO_REQUEST, Map.of()));
        shell.awaitReply();
        for (String cell : CELLS) {
            shell.sendMessage(messages.reply(empty(), MessageType.EXECUTE_REQUEST,
                    new ExecuteRequest(cell, false, true, Map.of(), false, false)));
            shell.awaitReply();
        }
        control.sendMessage(messages.reply(empty(), MessageType.SHUTDOWN_REQUEST, Map.of("restart", false)));
        kernel.join(30_000); // the kernel's shutdown then ends this JVM with System.exit(0)
        return kernel.isAlive() ? 1 : 0;
    }

    private static Message<?> empty() {
        return new Message<>(new ArrayList<>(), new org.dflib.jjava.jupyter.messages.Header<>(MessageType.KERNEL_INFO_REQUEST), null);
    }

    private static int[] freePorts(int n) throws IOException {
        int[] ports = new int[n];
        List<ServerSocket> open = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0);
                open.add(s);
                ports[i] = s.getLocalPort();
            }
        } finally {
            for (ServerSocket s : open) s.close();
        }
        return ports;
    }

    /** A client-side (DEALER) socket speaking the signed Jupyter message format. */
    private static final class ClientSocket extends JupyterSocket {
        ClientSocket(ZMQ.Context ctx, KernelConnectionProperties props) throws Exception {
            super(ctx, SocketType.DEALER, props.createHMACGenerator(), LoggerFactory.getLogger(ClientSocket.class));
        }

        @Override
        public void bind(KernelConnectionProperties connProps) {
            throw new UnsupportedOperationException("a client connects");
        }

        /** Receives one whole reply without decoding it (jjava's reader cannot decode error replies client-side). */
        void awaitReply() {
            byte[] frame;
            do {
                frame = recv();
                if (frame == null) throw new IllegalStateException("the training kernel did not reply");
            } while (hasReceiveMore());
        }
    }
}
