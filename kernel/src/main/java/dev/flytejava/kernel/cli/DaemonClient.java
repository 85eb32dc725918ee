package dev.flytejava.kernel.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The client side of {@link CommandDaemon}: hands a command to the daemon listening for this jar, JVM and cache,
 * and relays what it prints; or, when none listens, starts one in the background for the next command. Only
 * java.base is used, so that a served command loads nothing else.
 */
final class DaemonClient {
    private DaemonClient() {}

    /** The outcome of {@link #serve}: the command's exit status, or why the daemon did not run it. */
    enum Refusal { NO_DAEMON, DECLINED }

    record Outcome(OptionalInt status, Refusal refusal) {
        static Outcome served(int status) {
            return new Outcome(OptionalInt.of(status), null);
        }
    }

    /** Runs {@code words} on the daemon at {@code at}, printing its output on {@code out} and {@code err}. */
    static Outcome serve(DaemonSocket at, List<String> words, Map<String, String> env, PrintStream out, PrintStream err) {
        SocketChannel channel;
        try {
            channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        } catch (IOException | UnsupportedOperationException e) {
            return new Outcome(OptionalInt.empty(), Refusal.NO_DAEMON);
        }
        boolean printed = false;
        try (channel) {
            try {
                channel.connect(UnixDomainSocketAddress.of(at.socket()));
            } catch (IOException e) {
                return new Outcome(OptionalInt.empty(), Refusal.NO_DAEMON); // none yet, or one that died
            }
            DataOutputStream request = new DataOutputStream(new java.io.BufferedOutputStream(Channels.newOutputStream(channel)));
            DaemonSocket.writeRequest(request, Path.of("").toAbsolutePath(), words, env);
            DataInputStream answer = new DataInputStream(new java.io.BufferedInputStream(Channels.newInputStream(channel)));
            while (true) {
                byte kind = answer.readByte();
                switch (kind) {
                    case DaemonSocket.OUT, DaemonSocket.ERR -> {
                        byte[] bytes = answer.readNBytes(answer.readInt());
                        PrintStream to = kind == DaemonSocket.OUT ? out : err;
                        to.write(bytes, 0, bytes.length);
                        to.flush();
                        printed = true;
                    }
                    case DaemonSocket.EXIT -> {
                        return Outcome.served(answer.readInt());
                    }
                    case DaemonSocket.DECLINE -> {
                        return new Outcome(OptionalInt.empty(), Refusal.DECLINED);
                    }
                    default -> throw new IOException("an answer frame of kind " + kind);
                }
            }
        } catch (IOException e) {
            if (!printed) return new Outcome(OptionalInt.empty(), Refusal.NO_DAEMON);
            err.println("flyte-java: the daemon stopped before the command ended (" + (e instanceof EOFException
                    ? "connection closed" : e.getMessage()) + "); see " + at.log());
            return Outcome.served(1);
        }
    }

    /**
     * Starts a daemon for the next command, detached from this one: its own session when {@code setsid} is there,
     * no stdin, its output in its log. It warms itself up by repeating {@code words}, the command that just
     * succeeded. A second daemon started meanwhile finds the lock taken and exits.
     */
    static void startInBackground(DaemonSocket at, List<String> words) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) command.add("/usr/bin/setsid");
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // a small heap and the serial collector: the daemon holds plans and connections, and waits
        command.addAll(List.of("-XX:+UseSerialGC", "-Xmx256m", "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), CommandDaemon.class.getName()));
        command.addAll(words);
        try {
            new ProcessBuilder(command).redirectInput(new File("/dev/null"))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(at.log().toFile())).redirectErrorStream(true).start();
        } catch (IOException e) {
            // the next command runs on its own again
        }
    }
}
