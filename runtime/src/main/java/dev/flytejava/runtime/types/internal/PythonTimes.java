package dev.flytejava.runtime.types.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Times inside records as flytekit writes them inside dataclasses (mashumaro): datetimes, times as Python's
 * {@code isoformat()} ({@code 2024-02-29T23:59:58.123456+00:00}: no fraction for whole seconds, six digits
 * otherwise, nine where a Java value has nanoseconds; UTC as {@code +00:00}, not {@code Z}) and durations as
 * float seconds ({@code timedelta.total_seconds()}).
 */
public final class PythonTimes {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

    private PythonTimes() {}

    /** An instant at UTC, as Python prints an aware UTC datetime. */
    public static String instant(Instant value) {
        return localDateTime(LocalDateTime.ofInstant(value, ZoneOffset.UTC)) + "+00:00";
    }

    public static String offsetDateTime(OffsetDateTime value) {
        return localDateTime(value.toLocalDateTime()) + offset(value.getOffset());
    }

    /** A naive Python datetime. */
    public static String localDateTime(LocalDateTime value) {
        return DATE_TIME.format(value) + fraction(value.getNano());
    }

    public static String localTime(LocalTime value) {
        return TIME.format(value) + fraction(value.getNano());
    }

    /**
     * The instant a datetime text names: with any ISO offset ({@code +00:00}, {@code Z}...), or without one (a naive
     * Python datetime), read at UTC as flytekit reads naive datetimes.
     *
     * @throws DateTimeParseException when the text is no ISO date-time
     */
    public static Instant parseInstant(String text) {
        TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(text);
        if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
            return OffsetDateTime.from(parsed).toInstant();
        }
        return LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
    }

    /** {@code timedelta.total_seconds()}: the nearest double to the exact number of seconds. */
    public static double seconds(Duration value) {
        return BigDecimal.valueOf(value.getSeconds()).add(BigDecimal.valueOf(value.getNano(), 9)).doubleValue();
    }

    /**
     * The duration of a float number of seconds, to the nearest nanosecond (exact for the microseconds Python writes,
     * up to about three years).
     *
     * @throws ArithmeticException for NaN, infinities and values beyond Duration's range
     */
    public static Duration duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            throw new ArithmeticException("a duration of [" + seconds + "] seconds");
        }
        BigDecimal nanos = new BigDecimal(seconds).multiply(NANOS_PER_SECOND).setScale(0, RoundingMode.HALF_EVEN);
        BigDecimal[] parts = nanos.divideAndRemainder(NANOS_PER_SECOND);
        return Duration.ofSeconds(parts[0].longValueExact(), parts[1].longValueExact());
    }

    /** Python's fraction of a second: none, six digits, or nine where there are nanoseconds. */
    private static String fraction(int nanos) {
        if (nanos == 0) {
            return "";
        }
        // the leading 1 keeps the zeros in front, then goes
        String digits = nanos % 1000 == 0 ? Integer.toString(1_000_000 + nanos / 1000) : Integer.toString(1_000_000_000 + nanos);
        return "." + digits.substring(1);
    }

    /** {@code +HH:MM}, or {@code +HH:MM:SS} for offsets with seconds, as Python prints utcoffset(). */
    private static String offset(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        int abs = Math.abs(total);
        String hoursMinutes = String.format("%s%02d:%02d", total < 0 ? "-" : "+", abs / 3600, abs / 60 % 60);
        return abs % 60 == 0 ? hoursMinutes : hoursMinutes + String.format(":%02d", abs % 60);
    }
}
