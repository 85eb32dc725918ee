package dev.flytejava.kernel.cli;

import dev.flytejava.kernel.headless.NotebookCells;
import dev.flytejava.magics.flyte.FlyteMagicProvider;
import dev.flytejava.magics.flyte.FlyteMagics;
import dev.flytejava.magics.flyte.FlyteSession;
import dev.flytejava.magics.flyte.RegistrationTable;
import dev.flytejava.runtime.remote.AdminClient;
import dev.flytejava.runtime.remote.FlyteConfig;
import dev.flytejava.runtime.remote.FlyteRemoteException;
import dev.flytejava.runtime.remote.Registrar;
import dev.flytejava.runtime.remote.RegistrationPlan;
import dev.flytejava.runtime.remote.RetryPolicy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flyte-java register NOTEBOOK NAME}: runs the notebook's code cells headless, then registers one of its
 * workflows, launch plans or tasks on FlyteAdmin as {@code %flyte register} does in a cell. What the cells made is
 * kept ({@link RegistrationCache}): while they stay the same, the next registration, into any project or domain,
 * skips running them.
 */
@Command(name = "register", mixinStandardHelpOptions = true,
        description = {"Runs a notebook's code cells without a front end, then uploads the code of one of its workflows,",
                "launch plans or tasks and registers it on FlyteAdmin (flytectl's config: FLYTECTL_CONFIG or ~/.flyte/config.yaml).",
                "While the cells stay the same, later registrations reuse what they made instead of running them again."})
public final class RegisterCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NOTEBOOK", description = "the .ipynb file")
    Path notebook;

    @Parameters(index = "1", paramLabel = "NAME", description = "the workflow, launch plan or task to register")
    String entity;

    @Option(names = "--config", paramLabel = "FILE", description = "a flytectl config file instead of the default one")
    Path config;

    @Option(names = "--project", paramLabel = "P", description = "the project (default: flytesnacks)")
    String project = "flytesnacks";

    @Option(names = "--domain", paramLabel = "D", description = "the domain (default: development)")
    String domain = "development";

    @Option(names = "--version", paramLabel = "V", description = "the version of every entity (default: a content hash)")
    String version;

    @Option(names = "--image", paramLabel = "IMAGE", description = "the image of tasks without --image")
    String image;

    @Option(names = "--no-cache", description = "run the cells even when they are unchanged since the last registration")
    boolean noCache;

    /** Where the command prints: the process's streams, or a client's when {@link CommandDaemon} serves it. */
    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(notebook)) {
            err.println("No notebook at [" + notebook + "]");
            return 2;
        }
        Map<String, String> env = System.getenv();
        // the connection is opened while the notebook is read, and kept unless the cells name another config
        EarlyClient early = EarlyClient.start(() -> config != null ? FlyteConfig.read(config) : FlyteConfig.load(env), env);
        try {
            return call(env, early);
        } finally {
            early.close();
        }
    }

    /**
     * For {@link CommandDaemon}: registers the plan kept for this notebook file if the file is untouched since it was
     * made, with the client {@code clients} gives for the config; empty, having done nothing, when there is no such
     * plan or no such client.
     */
    OptionalInt registerIfKept(Map<String, String> env, Function<FlyteConfig, Optional<AdminClient>> clients)
            throws IOException {
        if (!Files.isRegularFile(notebook)) return OptionalInt.empty();
        Optional<RegistrationPlan> linked = linkedPlan(new RegistrationCache(FlyteSession.defaultCacheDir(env)),
                fileDescription(env));
        if (linked.isEmpty()) return OptionalInt.empty();
        Optional<AdminClient> client = clients.apply(config != null ? FlyteConfig.read(config) : FlyteConfig.load(env));
        return client.isEmpty() ? OptionalInt.empty() : OptionalInt.of(registerKept(linked.get(), client::get));
    }

    private Optional<String> fileDescription(Map<String, String> env) throws IOException {
        return noCache ? Optional.empty() : RegistrationCache.describe(notebook,
                List.of(entity, String.valueOf(version), String.valueOf(image), String.valueOf(config != null)), env);
    }

    private Optional<RegistrationPlan> linkedPlan(RegistrationCache cache, Optional<String> file) {
        return file.flatMap(cache::linkedKey).flatMap(k -> cache.load(k, err));
    }

    private int call(Map<String, String> env, EarlyClient early) throws Exception {
        RegistrationCache cache = new RegistrationCache(FlyteSession.defaultCacheDir(env));
        Optional<String> file = fileDescription(env);
        Optional<RegistrationPlan> linked = linkedPlan(cache, file);
        if (linked.isPresent()) return registerKept(linked.get(), early::get);
        List<NotebookCells.Cell> cells = NotebookCells.read(notebook);
        Optional<String> uncacheable = noCache ? Optional.of("--no-cache") : RegistrationCache.uncacheable(cells, config != null);
        String key = uncacheable.isEmpty() ? RegistrationCache.key(cells, entity, version, image, env) : null;
        if (key != null) {
            Optional<RegistrationPlan> kept = cache.load(key, err);
            if (kept.isPresent()) {
                if (file.isPresent()) cache.link(file.get(), key); // found from the file next time
                return registerKept(kept.get(), early::get);
            }
        }
        return HeadlessNotebook.run(notebook, session -> {
            FlyteMagics flyte = session.provider(FlyteMagicProvider.class).orElseThrow(
                    () -> new IllegalStateException("the Flyte magics are not on the class path")).magics();
            RegistrationPlan plan;
            try {
                plan = flyte.registrationPlan(entity, version, image);
            } catch (RuntimeException e) {
                err.println("flyte-java register " + entity + ": " + e.getMessage());
                return 1;
            }
            if (key != null) {
                cache.save(key, plan);
                if (file.isPresent()) cache.link(file.get(), key);
            } else {
                err.println("flyte-java register: not keeping this registration's plan: " + uncacheable.get());
            }
            Optional<FlyteConfig> fromCells = config != null ? Optional.empty() : flyte.configSetByCells();
            if (fromCells.isEmpty()) return register(plan, early::get);
            try (AdminClient client = AdminClient.connect(fromCells.get(), env, RetryPolicy.DEFAULT)) {
                return register(plan, () -> client);
            }
        });
    }

    private int registerKept(RegistrationPlan plan, Supplier<AdminClient> connected) {
        err.println("flyte-java register: the notebook's cells are unchanged since they made this plan, so they"
                + " are not run again (--no-cache runs them)");
        return register(plan, connected);
    }

    /** Registers the plan with the client {@code connected} gives, and prints what it did. */
    private int register(RegistrationPlan plan, Supplier<AdminClient> connected) {
        try {
            Registrar.Result result = new Registrar(connected.get()).register(plan, project, domain);
            out.println(RegistrationTable.of(entity, project, domain, plan.code().fileName(), result).text());
            return 0;
        } catch (FlyteRemoteException e) {
            err.println("flyte-java register " + entity + ": " + e.getMessage());
            return 1;
        }
    }
}
