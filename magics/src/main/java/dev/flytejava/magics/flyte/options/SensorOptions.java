package dev.flytejava.magics.flyte.options;

import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code %flyte sensor NAME --path PATH --timeout 30s [--poke-interval 1s]}. */
public record SensorOptions(String name, String path, Duration timeout, Duration pokeInterval) {
    public static final String USAGE =
            "%flyte sensor NAME --path PATH --timeout 30s [--poke-interval 1s]   a task that succeeds once PATH exists";

    public static SensorOptions parse(List<String> words) {
        Spec s = Options.parse(new Spec(), "%flyte sensor", words);
        return new SensorOptions(s.name, s.path, s.timeout, s.pokeInterval);
    }

    @Command(name = "%flyte sensor", description = "Declares a file sensor task (a backend agent task).")
    static final class Spec {
        @Parameters(index = "0", paramLabel = "NAME", converter = OptionConverters.NameConverter.class,
                description = "task name; also the Java method that runs it")
        String name;
        @Option(names = "--path", required = true, paramLabel = "PATH", description = "the file or directory to wait for")
        String path;
        @Option(names = "--timeout", required = true, paramLabel = "30s", converter = OptionConverters.DurationConverter.class,
                description = "fail when PATH does not appear in time")
        Duration timeout;
        @Option(names = "--poke-interval", paramLabel = "1s", converter = OptionConverters.DurationConverter.class,
                description = "how often to look (default 1s)")
        Duration pokeInterval = Duration.ofSeconds(1);
    }
}
