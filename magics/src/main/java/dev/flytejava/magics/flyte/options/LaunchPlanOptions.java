package dev.flytejava.magics.flyte.options;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * A launch plan: {@code %flyte launchplan NAME WF --fixed k=v --default k=v [--schedule CRON]}, or the
 * same words on the {@code %%launchplan} line with one {@code k=v} per body line for defaults.
 * Values are text here; they are read per the input's Java type when the plan is declared.
 */
public record LaunchPlanOptions(String name, String workflow, Map<String, String> fixed, Map<String, String> defaults,
                                Optional<String> schedule) {

    public LaunchPlanOptions {
        fixed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fixed)); // keeps the order they were given
        defaults = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
    }

    public static LaunchPlanOptions parse(String magic, String args) {
        return parse(magic, ArgTokenizer.split(args == null ? "" : args));
    }

    /** The same from words already split (the rest of a {@code %flyte launchplan} line). */
    public static LaunchPlanOptions parse(String magic, List<String> words) {
        Spec s = Options.parse(new Spec(), magic, words);
        return new LaunchPlanOptions(s.name, s.workflow, merge("--fixed", s.fixed), merge("--default", s.defaults),
                Optional.ofNullable(s.schedule));
    }

    public static String usage() {
        return Options.usage(new Spec());
    }

    private static Map<String, String> merge(String option, List<String> pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) throw new OptionException(option + ": expected INPUT=VALUE like x=3, got [" + pair + "]");
            map.put(pair.substring(0, eq).strip(), pair.substring(eq + 1));
        }
        return map;
    }

    @Command(name = "%flyte launchplan", description =
            "Declares a launch plan of a workflow: fixed inputs cannot be changed at launch, defaults "
            + "can. Calling NAME(...) with the remaining inputs runs it. As a cell: %%launchplan NAME WF, "
            + "then one option per line.")
    static final class Spec {
        @Parameters(index = "0", paramLabel = "NAME", converter = OptionConverters.NameConverter.class,
                description = "launch plan name")
        String name;
        @Parameters(index = "1", paramLabel = "WF", description = "the workflow it launches")
        String workflow;
        @Option(names = "--fixed", paramLabel = "k=v", description = "a fixed input (repeatable)")
        List<String> fixed = new ArrayList<>();
        @Option(names = "--default", paramLabel = "k=v", description = "a default input (repeatable)")
        List<String> defaults = new ArrayList<>();
        @Option(names = "--schedule", paramLabel = "CRON", description = "a cron schedule, e.g. \"0 * * * *\"")
        String schedule;
    }
}
