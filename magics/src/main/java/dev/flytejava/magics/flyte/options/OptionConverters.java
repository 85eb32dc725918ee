package dev.flytejava.magics.flyte.options;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import dev.flytejava.runtime.api.Durations;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Converters for option values; each error message states the allowed form and the value given. */
public final class OptionConverters {
    private OptionConverters() {}

    /** {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 500ms} or ISO-8601 {@code PT5M}, strictly positive, else an error. */
    public static Duration positiveDuration(String value) {
        try {
            Duration d = Durations.parse(value);
            if (!d.isZero() && !d.isNegative()) return d;
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("expected a duration like 30s, 5m or PT5M, got [" + value + "]");
    }

    private static final Pattern QUANTITY = Pattern.compile("\\d+(\\.\\d+)?(m|k|Ki|M|Mi|G|Gi|T|Ti|P|Pi|E|Ei)?");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    static final Set<String> RESOURCE_NAMES = Set.of("cpu", "mem", "gpu", "storage", "ephemeral_storage");

    /** {@code 30s}, {@code 5m}, {@code 1h30m}, {@code 500ms} or ISO-8601 {@code PT5M} ({@link Durations}); strictly positive. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return positiveDuration(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class RetriesConverter implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int n = Integer.parseInt(value.strip());
                if (n >= 0 && n <= 100) return n;
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new TypeConversionException("expected a whole number from 0 to 100, got [" + value + "]");
        }
    }

    /** {@code cpu=1,mem=1Gi}: Kubernetes quantities for cpu, mem, gpu, storage, ephemeral_storage. */
    static void checkResources(String option, Map<String, String> pairs) {
        for (Map.Entry<String, String> e : pairs.entrySet()) {
            if (!RESOURCE_NAMES.contains(e.getKey()) || !QUANTITY.matcher(e.getValue()).matches()) {
                throw new OptionException(option + ": expected NAME=QUANTITY pairs like cpu=1,mem=1Gi (names "
                        + String.join(", ", new java.util.TreeSet<>(RESOURCE_NAMES)) + "; quantities like 500m, 2, 1Gi), got ["
                        + e.getKey() + "=" + e.getValue() + "]");
            }
        }
    }

    /** {@code K=V,K2=V2}: environment variable names. */
    static void checkEnv(Map<String, String> pairs) {
        for (String k : pairs.keySet()) {
            if (!ENV_NAME.matcher(k).matches()) {
                throw new OptionException("--env: expected NAME=VALUE pairs like LOG_LEVEL=debug,MODE=fast, got [" + k + "]");
            }
        }
    }

    /** A Flyte/Java name: an identifier. */
    static final class NameConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (!IDENTIFIER.matcher(value).matches()) {
                throw new TypeConversionException("expected a Java identifier like addOne, got [" + value + "]");
            }
            return value;
        }
    }
}
