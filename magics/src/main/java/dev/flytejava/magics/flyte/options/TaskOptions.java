package dev.flytejava.magics.flyte.options;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The options of {@code %%task}, read from the magic line. */
public record TaskOptions(Optional<String> name, Optional<String> cacheVersion, int retries, Optional<Duration> timeout,
                          Optional<String> image, Map<String, String> requests, Map<String, String> limits,
                          Map<String, String> env, List<String> decorators, Map<String, String> sidecars,
                          Optional<String> reference) {

    public TaskOptions {
        requests = Map.copyOf(requests);
        limits = Map.copyOf(limits);
        env = Map.copyOf(env);
        decorators = List.copyOf(decorators);
        sidecars = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sidecars));
    }

    public static TaskOptions parse(String args) {
        Spec s = Options.parse(new Spec(), "%%task", args);
        OptionConverters.checkResources("--requests", s.requests);
        OptionConverters.checkResources("--limits", s.limits);
        OptionConverters.checkEnv(s.env);
        return new TaskOptions(Optional.ofNullable(s.name), Optional.ofNullable(s.cache), s.retries,
                Optional.ofNullable(s.timeout), Optional.ofNullable(s.image), s.requests, s.limits, s.env, s.decorators,
                s.sidecars, Optional.ofNullable(s.reference));
    }

    public static String usage() {
        return Options.usage(new Spec());
    }

    @Command(name = "%%task", description =
            "Declares a Flyte task from the one Java method in the cell: its parameters are the inputs, "
            + "its return value is output o0 (an @Outputs record gives named outputs, void none). Calling "
            + "the method afterwards runs the task locally (types, decorators, cache, retries, timeout).")
    static final class Spec {
        @Option(names = "--name", paramLabel = "NAME", converter = OptionConverters.NameConverter.class,
                description = "task name (default: the method's name)")
        String name;
        @Option(names = "--cache", paramLabel = "VERSION", description = "cache results under this cache version")
        String cache;
        @Option(names = "--retries", paramLabel = "N", converter = OptionConverters.RetriesConverter.class,
                description = "retries after a failure (default 0)")
        int retries;
        @Option(names = "--timeout", paramLabel = "30s|PT5M", converter = OptionConverters.DurationConverter.class,
                description = "fail an attempt that runs longer")
        Duration timeout;
        @Option(names = "--image", paramLabel = "IMAGE", description = "container image for remote runs")
        String image;
        @Option(names = "--requests", paramLabel = "NAME=QTY", split = ",", description = "resource requests, e.g. cpu=1,mem=1Gi")
        Map<String, String> requests = new LinkedHashMap<>();
        @Option(names = "--limits", paramLabel = "NAME=QTY", split = ",", description = "resource limits, e.g. mem=2Gi")
        Map<String, String> limits = new LinkedHashMap<>();
        @Option(names = "--env", paramLabel = "KEY=VALUE", split = ",", description = "environment variables, e.g. MODE=fast,LOG=debug")
        Map<String, String> env = new LinkedHashMap<>();
        @Option(names = "--decorators", paramLabel = "DECORATOR", split = ",",
                converter = OptionConverters.NameConverter.class,
                description = "TaskDecorator variables, e.g. timed,autolog; the first is the outermost")
        List<String> decorators = new ArrayList<>();
        @Option(names = "--sidecar", paramLabel = "NAME=IMAGE", split = ",",
                description = "run remotely in a pod beside these containers (task type sidecar), e.g. proxy=nginx:1.25")
        Map<String, String> sidecars = new LinkedHashMap<>();
        @Option(names = "--reference", paramLabel = "PROJECT:DOMAIN:NAME:VERSION",
                description = "a task registered elsewhere (flytekit's reference_task): workflows call it by this id"
                        + " remotely, and the method stands in for it locally (see %%flyte reference task)")
        String reference;
    }
}
