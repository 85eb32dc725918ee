package dev.flytejava.runtime.types.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.function.Function;

/**
 * Jackson (de)serializers that write times inside records as flytekit writes them inside dataclasses, see
 * {@link PythonTimes}; registered after Jackson's time module, so they take its place for these types. Reading also
 * accepts what Jackson's time module wrote before (ISO durations such as {@code PT1M30S}, {@code Z} for UTC).
 */
final class PythonTimeModule extends SimpleModule {

    PythonTimeModule() {
        super("flytekit-times");
        addSerializer(Instant.class, text(PythonTimes::instant));
        addSerializer(OffsetDateTime.class, text(PythonTimes::offsetDateTime));
        addSerializer(LocalDateTime.class, text(PythonTimes::localDateTime));
        addSerializer(LocalTime.class, text(PythonTimes::localTime));
        addSerializer(Duration.class, new JsonSerializer<>() {
            @Override
            public void serialize(Duration value, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeNumber(PythonTimes.seconds(value));
            }
        });
        addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser in, DeserializationContext context) throws IOException {
                if (in.currentToken() == JsonToken.VALUE_STRING) {
                    try {
                        return PythonTimes.parseInstant(in.getText());
                    } catch (DateTimeException e) {
                        return (Instant) context.handleWeirdStringValue(Instant.class, in.getText(),
                                "not an ISO date-time (%s)", e.getMessage());
                    }
                }
                return (Instant) context.handleUnexpectedToken(Instant.class, in);
            }
        });
        addDeserializer(Duration.class, new JsonDeserializer<>() {
            @Override
            public Duration deserialize(JsonParser in, DeserializationContext context) throws IOException {
                try {
                    if (in.currentToken().isNumeric()) {
                        return PythonTimes.duration(in.getDoubleValue());
                    }
                    if (in.currentToken() == JsonToken.VALUE_STRING) {
                        return Duration.parse(in.getText());
                    }
                } catch (ArithmeticException | DateTimeException e) {
                    return (Duration) context.handleWeirdStringValue(Duration.class, in.getText(),
                            "not a duration in seconds (%s)", e.getMessage());
                }
                return (Duration) context.handleUnexpectedToken(Duration.class, in);
            }
        });
    }

    private static <T> JsonSerializer<T> text(Function<T, String> format) {
        return new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeString(format.apply(value));
            }
        };
    }
}
