package dev.flytejava.kernel.cli;

import dev.flytejava.runtime.remote.AdminClient;
import dev.flytejava.runtime.remote.FlyteConfig;
import dev.flytejava.runtime.remote.RetryPolicy;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A FlyteAdmin client opened on a thread of its own as a command starts, so that reading the config, loading gRPC
 * and connecting happen while the command reads its notebook (on two cores, that halves a short registration).
 */
final class EarlyClient implements AutoCloseable {
    private final CompletableFuture<AdminClient> client;

    private EarlyClient(CompletableFuture<AdminClient> client) {
        this.client = client;
    }

    static EarlyClient start(Supplier<FlyteConfig> config, Map<String, String> env) {
        CompletableFuture<AdminClient> client = new CompletableFuture<>();
        Thread opener = new Thread(() -> {
            try {
                AdminClient c = AdminClient.connect(config.get(), env, RetryPolicy.DEFAULT);
                c.startConnecting();
                client.complete(c);

            } catch (Throwable e) {
                client.completeExceptionally(e);
            }
        }, "flyte-admin-connect");
        opener.setDaemon(true);
        opener.start();
        return new EarlyClient(client);
    }

    /** The client; what opening it threw (a bad config, say) is thrown here. */
    AdminClient get() {
        try {
            return client.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    @Override
    public void close() {
        client.thenAccept(AdminClient::close); // at once when opened, else as soon as it is
    }
}
