package dev.flytejava.kernel.cli;

import dev.flytejava.runtime.remote.AdminClient;
import dev.flytejava.runtime.remote.FlyteConfig;
import dev.flytejava.runtime.remote.RetryPolicy;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A long-lived {@code flyte-java} for the commands that a fresh JVM makes slow: it serves {@code flyte-java
 * register} of a notebook whose cells are unchanged since its plan was kept, with the JIT warm, FlyteAdmin's
 * descriptors loaded and the connection open (a fresh JVM spends about 300 ms on those before its first call). It
 * declines everything else, and the client runs that itself: cells never run here, so a notebook's working folder
 * and environment are always its own process's. Requests carry the client's folder and environment, which are used
 * for the paths, the cache and the config.
 *
 * <p>One daemon per jar build, JVM and cache ({@link DaemonSocket}); it holds a lock for its life, exits after
 * {@value DaemonSocket#DEFAULT_IDLE_SECONDS} s without a request (or {@code FLYTE_JAVA_DAEMON_IDLE}), and on
 * {@code flyte-java daemon stop}.
 */
public final class CommandDaemon {
    /** Connections kept, by config: a few clusters at most. */
    private static final int CLIENTS = 4;

    private final DaemonSocket at;
    private final ServerSocketChannel server;
    private final long idleNanos;
    private final AtomicLong lastRequest = new AtomicLong(System.nanoTime());
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger served = new AtomicInteger();
    private final Instant started = Instant.now();
    private final Map<List<Object>, AdminClient> clients = new LinkedHashMap<>(8, 0.75f, true);

    private CommandDaemon(DaemonSocket at, ServerSocketChannel server, int idleSeconds) {
        this.at = at;
        this.server = server;
        this.idleNanos = idleSeconds * 1_000_000_000L;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        Optional<DaemonSocket> place = DaemonSocket.of(env);
        if (place.isEmpty()) return;
        DaemonSocket at = place.get();
        try (FileChannel lockFile = FileChannel.open(at.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = lockFile.tryLock()) {
            if (lock == null) return; // another daemon started first
            Files.deleteIfExists(at.socket()); // left by a daemon that was killed
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                server.bind(UnixDomainSocketAddress.of(at.socket()));
                Files.setPosixFilePermissions(at.socket(), PosixFilePermissions.fromString("rw-------"));
                CommandDaemon daemon = new CommandDaemon(at, server, DaemonSocket.idleSeconds(env));
                log("listening on " + at.socket() + " (pid " + ProcessHandle.current().pid() + ")");
                if (args.length > 0) daemon.warmUp(List.of(args), env);
                daemon.serveUntilIdle();
            } finally {
                Files.deleteIfExists(at.socket());
            }
        }
        log("stopped");
        System.exit(0); // the connections' threads are daemons, but netty's global executor is not
    }

    /**
     * Repeats, in the background and with its output dropped, the registration that started this daemon (in its
     * folder and environment, which the daemon inherited): a cold JVM takes over a second on its first one, which the
     * user's next registration would otherwise wait for. The plan was registered a moment ago, so the repeat only
     * finds it registered (one look-up) and creates nothing.
     */
    private void warmUp(List<String> words, Map<String, String> env) {
        inBackground("flyte-java-daemon-warm-up", () -> {
            long start = System.nanoTime();
            OptionalInt status = words.get(0).equals("register") ? register(new DaemonSocket.Request(
                    Path.of("").toAbsolutePath(), words, env), new DataOutputStream(OutputStream.nullOutputStream()))
                    : OptionalInt.empty();
            log("warmed up by repeating " + words.get(0) + ": " + (status.isPresent() ? "exit " + status.getAsInt()
                    : "it would be declined") + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        });
    }

    /** Runs {@code work} on a thread of its own, counted in flight so that the daemon is not idle meanwhile. */
    private void inBackground(String name, Runnable work) {
        inFlight.incrementAndGet();
        lastRequest.set(System.nanoTime());
        Thread t = new Thread(() -> {
            try {
                work.run();
            } finally {
                lastRequest.set(System.nanoTime());
                inFlight.decrementAndGet();
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    private void serveUntilIdle() {
        Thread watchdog = new Thread(() -> {
            while (server.isOpen()) {
                if (inFlight.get() == 0 && System.nanoTime() - lastRequest.get() > idleNanos) {
                    log("idle for " + idleNanos / 1_000_000_000L + " s");
                    stop();
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "flyte-java-daemon-idle");
        watchdog.setDaemon(true);
        watchdog.start();
        while (server.isOpen()) {
            SocketChannel connection;
            try {
                connection = server.accept();
            } catch (IOException e) {
                break; // stopped
            }
            inBackground("flyte-java-daemon-request", () -> {
                try (connection) {
                    answer(connection);
                } catch (IOException | RuntimeException e) {
                    log("a request failed: " + e);
                }
            });
        }
        synchronized (clients) {
            clients.values().forEach(AdminClient::close);
        }
    }

    private void stop() {
        try {
            server.close();
        } catch (IOException e) {
            // closed anyway
        }
    }

    private void answer(SocketChannel connection) throws IOException {
        DaemonSocket.Request request = DaemonSocket.readRequest(
                new DataInputStream(new java.io.BufferedInputStream(Channels.newInputStream(connection))));
        DataOutputStream answer = new DataOutputStream(new java.io.BufferedOutputStream(Channels.newOutputStream(connection)));
        String command = request.words().isEmpty() ? "" : request.words().get(0);
        long start = System.nanoTime();
        OptionalInt status = switch (command) {
            case "register" -> register(request, answer);
            case "status" -> {
                frame(answer, DaemonSocket.OUT, ("flyte-java daemon: pid " + ProcessHandle.current().pid() + ", since "
                        + started + ", " + served.get() + " commands served, on " + at.socket() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                yield OptionalInt.of(0);
            }
            case "stop" -> {
                stop();
                yield OptionalInt.of(0);
            }
            default -> OptionalInt.empty();
        };
        if (status.isPresent() && command.equals("register")) served.incrementAndGet();
        // Logged before the answer ends, so that the log is complete once the client has exited.
        log(command + " " + String.join(" ", request.words().subList(Math.min(1, request.words().size()),
                request.words().size())) + ": " + (status.isPresent() ? "served, exit " + status.getAsInt() : "declined")
                + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        synchronized (answer) {
            if (status.isPresent()) {
                answer.writeByte(DaemonSocket.EXIT);
                answer.writeInt(status.getAsInt());
            } else {
                answer.writeByte(DaemonSocket.DECLINE);
            }
            answer.flush();
        }
    }

    /** {@code register ARGS} when its notebook's plan is kept; empty (declined) otherwise or on any surprise. */
    private OptionalInt register(DaemonSocket.Request request, DataOutputStream answer) {
        String[] rest = request.words().subList(1, request.words().size()).toArray(String[]::new);
        Optional<RegisterCommand> bound = PlainArguments.bind(new RegisterCommand(), rest);
        if (bound.isEmpty()) return OptionalInt.empty();
        RegisterCommand command = bound.get();
        command.notebook = request.cwd().resolve(command.notebook);
        if (command.config != null) command.config = request.cwd().resolve(command.config);
        FrameStream out = new FrameStream(answer, DaemonSocket.OUT);
        FrameStream err = new FrameStream(answer, DaemonSocket.ERR);
        command.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        command.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        try {
            return command.registerIfKept(request.env(), config -> client(config, request.env()));
        } catch (Exception e) {
            log("register " + String.join(" ", rest) + ": " + e);
            if (!out.wrote && !err.wrote) return OptionalInt.empty(); // the client's own run reports it
            command.err.println("flyte-java register " + command.entity + ": " + e);
            return OptionalInt.of(1);
        }
    }

    /**
     * A kept connection for {@code config} under the secret {@code env} gives it. None, so that the client runs the
     * command itself, for the logins that need its terminal, browser or programs (PKCE, an external command), or for
     * files named relative to a working folder, which here is not the client's.
     */
    private Optional<AdminClient> client(FlyteConfig config, Map<String, String> env) {
        if (config.authType() == FlyteConfig.AuthType.PKCE || config.authType() == FlyteConfig.AuthType.EXTERNAL_COMMAND
                || relative(config.caCertFilePath()) || relative(config.clientSecretLocation())) {
            return Optional.empty();
        }
        List<Object> key = Arrays.asList(config, config.clientSecretEnvVar() == null ? null : env.get(config.clientSecretEnvVar()));
        synchronized (clients) {
            AdminClient client = clients.get(key);
            if (client == null) {
                client = AdminClient.connect(config, env, RetryPolicy.DEFAULT);
                clients.put(key, client);
                if (clients.size() > CLIENTS) {
                    var eldest = clients.entrySet().iterator().next();
                    eldest.getValue().close();
                    clients.remove(eldest.getKey());
                }
            }
            return Optional.of(client);
        }
    }

    private static boolean relative(String file) {
        return file != null && !file.isBlank() && !Path.of(file).isAbsolute();
    }

    private static void frame(DataOutputStream answer, byte kind, byte[] bytes) throws IOException {
        synchronized (answer) {
            answer.writeByte(kind);
            answer.writeInt(bytes.length);
            answer.write(bytes);
            answer.flush();
        }
    }

    /** A command's stdout or stderr as frames of its kind. */
    private static final class FrameStream extends OutputStream {
        private final DataOutputStream answer;
        private final byte kind;
        volatile boolean wrote;

        FrameStream(DataOutputStream answer, byte kind) {
            this.answer = answer;
            this.kind = kind;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            wrote = true;
            frame(answer, kind, Arrays.copyOfRange(b, off, off + len));
        }
    }

    private static void log(String line) {
        System.out.println(Instant.now() + " " + line);
    }
}
