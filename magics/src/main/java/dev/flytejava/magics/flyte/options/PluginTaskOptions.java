package dev.flytejava.magics.flyte.options;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The options of {@code %%container_task} and {@code %%sql_task}: the task's name, typed inputs and outputs
 * ({@code a=long,b=long}), what the plugin needs ({@code --image}, {@code --db}, {@code --row}) and the task options
 * every task has (cache, retries, timeout, env, resources).
 */
public record PluginTaskOptions(String name, Map<String, String> inputs, Map<String, String> outputs,
                                Optional<String> image, Optional<String> db, Optional<String> row,
                                Optional<String> cacheVersion, int retries, Optional<Duration> timeout,
                                Map<String, String> env, Map<String, String> requests, Map<String, String> limits) {

    public static PluginTaskOptions parseContainer(String args) {
        return of(Options.parse(new ContainerSpec(), "%%container_task", args), "%%container_task");
    }

    public static PluginTaskOptions parseSql(String args) {
        return of(Options.parse(new SqlSpec(), "%%sql_task", args), "%%sql_task");
    }

    public static String containerUsage() {
        return Options.usage(new ContainerSpec());
    }

    public static String sqlUsage() {
        return Options.usage(new SqlSpec());
    }

    private static PluginTaskOptions of(Common s, String magic) {
        OptionConverters.checkResources("--requests", s.requests);
        OptionConverters.checkResources("--limits", s.limits);
        OptionConverters.checkEnv(s.env);
        Map<String, String> outputs = s instanceof ContainerSpec c ? c.outputs : Map.of();
        String image = s instanceof ContainerSpec c ? c.image : ((SqlSpec) s).sqlImage;
        String db = s instanceof SqlSpec q ? q.db : null;
        String row = s instanceof SqlSpec q ? q.row : null;
        return new PluginTaskOptions(s.name, s.inputs, outputs, Optional.ofNullable(image), Optional.ofNullable(db),
                Optional.ofNullable(row), Optional.ofNullable(s.cache), s.retries, Optional.ofNullable(s.timeout), s.env,
                s.requests, s.limits);
    }

    abstract static class Common {
        @Option(names = "--name", required = true, paramLabel = "NAME", converter = OptionConverters.NameConverter.class,
                description = "task name; also the Java method that runs it")
        String name;
        @Option(names = "--inputs", paramLabel = "NAME=TYPE", split = ",",
                description = "typed inputs in order, e.g. a=long,b=long (long, int, double, boolean, String)")
        Map<String, String> inputs = new LinkedHashMap<>();
        @Option(names = "--cache", paramLabel = "VERSION", description = "cache results under this cache version")
        String cache;
        @Option(names = "--retries", paramLabel = "N", converter = OptionConverters.RetriesConverter.class,
                description = "retries after a failure (default 0)")
        int retries;
        @Option(names = "--timeout", paramLabel = "30s|PT5M", converter = OptionConverters.DurationConverter.class,
                description = "fail an attempt that runs longer")
        Duration timeout;
        @Option(names = "--env", paramLabel = "KEY=VALUE", split = ",", description = "environment variables (remote)")
        Map<String, String> env = new LinkedHashMap<>();
        @Option(names = "--requests", paramLabel = "NAME=QTY", split = ",", description = "resource requests, e.g. cpu=1")
        Map<String, String> requests = new LinkedHashMap<>();
        @Option(names = "--limits", paramLabel = "NAME=QTY", split = ",", description = "resource limits, e.g. mem=1Gi")
        Map<String, String> limits = new LinkedHashMap<>();
    }

    @Command(name = "%%container_task", description = "Declares a raw container task: the cell body is the command "
            + "(shell-like words), inputs appear as {{.inputs.NAME}} and as files in /var/inputs, each output is read "
            + "from /var/outputs/NAME. Locally it runs under docker or podman when present, else as a local process.")
    static final class ContainerSpec extends Common {
        @Option(names = "--image", required = true, paramLabel = "IMAGE", description = "the container image, e.g. alpine:3.19")
        String image;
        @Option(names = "--outputs", paramLabel = "NAME=TYPE", split = ",", description = "typed outputs, e.g. area=long")
        Map<String, String> outputs = new LinkedHashMap<>();
    }

    @Command(name = "%%sql_task", description = "Declares a SQL task: the cell body is the query; each "
            + "{{.inputs.NAME}} is bound as a JDBC parameter. Output o0 is List<ROW> (rows by column name), or a list "
            + "of maps without --row.")
    static final class SqlSpec extends Common {
        @Option(names = "--db", required = true, paramLabel = "JDBC_URL",
                description = "the database, e.g. jdbc:sqlite:/tmp/people.db (other drivers via %%maven)")
        String db;
        @Option(names = "--row", paramLabel = "RECORD", description = "a record class the rows map onto by column name")
        String row;
        @Option(names = "--image", paramLabel = "IMAGE", description = "runtime image for remote runs (default: ours)")
        String sqlImage;
    }
}
