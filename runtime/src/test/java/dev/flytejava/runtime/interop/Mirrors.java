package dev.flytejava.runtime.interop;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.flytejava.runtime.types.FlyteDirectory;
import dev.flytejava.runtime.types.FlyteFile;
import dev.flytejava.runtime.types.StructuredDataset;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Java mirrors of the Python types in {@code interop/flytekit_interop.py}, written as a user would: the same field
 * names (snake_case through {@code @JsonProperty}), enum values through {@code @JsonProperty} where they differ
 * from the constant names, {@code long}/{@code double} for {@code int}/{@code float}.
 */
public final class Mirrors {

    private Mirrors() {}

    /** Python {@code Color(enum.Enum)}: RED = "red"... */
    public enum Color {
        @JsonProperty("red") RED,
        @JsonProperty("green") GREEN,
        @JsonProperty("blue") BLUE
    }

    /** Python {@code Mode(enum.Enum)}: FAST = "FAST", SLOW = "SLOW". */
    public enum Mode { FAST, SLOW }

    /** A plain record (the msgpack fast path). */
    public record Point(long x, long y) {}

    public record Line(String sku, long quantity, @JsonProperty("unit_price") double unitPrice) {}

    public record Basket(
            @JsonProperty("basket_id") String basketId,
            List<Line> lines,
            Map<String, String> tags,
            @JsonProperty("by_sku") Map<String, Line> bySku,
            List<List<Long>> matrix,
            Color color,
            Mode mode,
            Optional<String> coupon,
            @JsonProperty("best_line") Optional<Line> bestLine,
            Map<String, List<Boolean>> flags,
            boolean paid) {}

    /** A naive Python datetime is a LocalDateTime; an aware one an Instant. */
    public record Event(
            Instant at,
            @JsonProperty("local_at") LocalDateTime localAt,
            Duration took,
            Optional<Instant> later,
            Instant whole) {}

    /** A plain record with times, an enum, a list and an Optional (the msgpack fast path again). */
    public record Stamp(Instant at, Duration took, Mode mode, List<Double> weights, Optional<Long> rank) {}

    public record Refs(FlyteFile file, FlyteDirectory folder, StructuredDataset dataset) {}
}
