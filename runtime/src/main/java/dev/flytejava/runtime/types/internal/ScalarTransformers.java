package dev.flytejava.runtime.types.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import dev.flytejava.runtime.types.TransformerContext;
import dev.flytejava.runtime.types.TypeTransformer;
import flyteidl.core.Literals.Binary;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Types.SimpleType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The scalar built-ins. Union tags are flytekit's transformer names ("int", "float", ...), so Optional values
 * read correctly in Python tasks. INTEGER literals are accepted where FLOAT is expected and integral FLOATs where
 * INTEGER is expected, as flytekit does for values typed in the Flyte console.
 */
public final class ScalarTransformers {

    private ScalarTransformers() {}

    public static List<TypeTransformer<?>> all() {
        return List.of(new LongTransformer(), new IntegerTransformer(), new DoubleTransformer(), new FloatTransformer(),
                new BooleanTransformer(), new StringTransformer(), new InstantTransformer(),
                new OffsetDateTimeTransformer(), new LocalDateTimeTransformer(), new DurationTransformer(), new BytesTransformer());
    }

    static long readLong(Literal literal) {
        Primitive p = Literals.primitive(literal, "INTEGER");
        if (p.getValueCase() == Primitive.ValueCase.INTEGER) {
            return p.getInteger();
        }
        if (p.getValueCase() == Primitive.ValueCase.FLOAT_VALUE && p.getFloatValue() == Math.rint(p.getFloatValue())
                && Math.abs(p.getFloatValue()) < 0x1p63) {
            return (long) p.getFloatValue();
        }
        throw new IllegalArgumentException("expected an INTEGER primitive");
    }

    static double readDouble(Literal literal) {
        Primitive p = Literals.primitive(literal, "FLOAT");
        return switch (p.getValueCase()) {
            case FLOAT_VALUE -> p.getFloatValue();
            case INTEGER -> p.getInteger();
            default -> throw new IllegalArgumentException("expected a FLOAT primitive");
        };
    }

    static final class LongTransformer extends ScalarTransformer<Long> implements ListCodec {
        LongTransformer() {
            super(Long.class, "int", SimpleType.INTEGER);
        }

        @Override
        public Literal toLiteralList(List<?> values, BoundConverter element) {
            return ScalarLists.toLiteral(values, Long.class, element);
        }

        @Override
        public List<?> toJavaList(List<Literal> literals, BoundConverter element) {
            return ScalarLists.toJava(literals, Long.class, element);
        }

        @Override
        public Literal toLiteral(Long value, Type javaType, TransformerContext context) {
            return Literals.of(Primitive.newBuilder().setInteger(value));
        }

        @Override
        public Long toJava(Literal literal, Type javaType, TransformerContext context) {
            return readLong(literal);
        }
    }

    static final class IntegerTransformer extends ScalarTransformer<Integer> {
        IntegerTransformer() {
            super(Integer.class, "int", SimpleType.INTEGER);
        }

        @Override
        public Literal toLiteral(Integer value, Type javaType, TransformerContext context) {
            return Literals.of(Primitive.newBuilder().setInteger(value));
        }

        @Override
        public Integer toJava(Literal literal, Type javaType, TransformerContext context) {
            long value = readLong(literal);
            if (value != (int) value) {
                throw new IllegalArgumentException(value + " does not fit an int; declare it long");
            }
            return (int) value;
        }
    }

    static final class DoubleTransformer extends ScalarTransformer<Double> implements ListCodec {
        DoubleTransformer() {
            super(Double.class, "float", SimpleType.FLOAT);
        }

        @Override
        public Literal toLiteralList(List<?> values, BoundConverter element) {
            return ScalarLists.toLiteral(values, Double.class, element);
        }

        @Override
        public List<?> toJavaList(List<Literal> literals, BoundConverter element) {
            return ScalarLists.toJava(literals, Double.class, element);
        }

        @Override
        public Literal toLiteral(Double value, Type javaType, TransformerContext context) {
            return Literals.of(Primitive.newBuilder().setFloatValue(value));
        }

        @Override
        public Double toJava(Literal literal, Type javaType, TransformerContext context) {
            return readDouble(literal);
        }
    }

    static final class FloatTransformer extends ScalarTransformer<Float> {
        FloatTransformer() {
            super(Float.class, "float", SimpleType.FLOAT);
        }

        @Override
        public Literal toLiteral(Float value, Type javaType, TransformerContext context) {
            return Literals.of(Primitive.newBuilder().setFloatValue(value));
        }

        @Override
        public Float toJava(Literal literal, Type javaType, TransformerContext context) {
            return (float) readDouble(literal);
        }
    }

    static final class BooleanTransformer extends ScalarTransformer<Boolean> {
        BooleanTransformer() {
            super(Boolean.class, "bool", SimpleType.BOOLEAN);
        }

        @Override
        public Literal toLiteral(Boolean value, Type javaType, TransformerContext context) {
            return Literals.of(Primitive.newBuilder().setBoolean(value));
        }

        @Override
        public Boolean toJava(Literal literal, Type javaType, TransformerContext context) {
            return Literals.primitive(literal, "BOOLEAN", Primitive.ValueCase.BOOLEAN).getBoolean();
        }
    }

    static final class StringTransformer extends ScalarTransformer<String> implements ListCodec {
        StringTransformer() {
            super(String.class, "str", SimpleType.STRING);
        }

        @Override
        public Literal toLiteralList(List<?> values, BoundConverter element) {
            return ScalarLists.toLiteral(values, String.class, element);
        }

        @Override
        public List<?> toJavaList(List<Literal> literals, BoundConverter element) {
            return ScalarLists.toJava(literals, String.class, element);
        }

        @Override
        public Literal toLiteral(String value, Type javaType, TransformerContext context) {
            return Literals.of(Primitive.newBuilder().setStringValue(value));
        }

        @Override
        public String toJava(Literal literal, Type javaType, TransformerContext context) {
            return Literals.primitive(literal, "STRING", Primitive.ValueCase.STRING_VALUE).getStringValue();
        }
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    static Instant readInstant(Literal literal) {
        Primitive p = Literals.primitive(literal, "DATETIME", Primitive.ValueCase.DATETIME);
        return Instant.ofEpochSecond(p.getDatetime().getSeconds(), p.getDatetime().getNanos());
    }

    static final class InstantTransformer extends ScalarTransformer<Instant> {
        InstantTransformer() {
            super(Instant.class, "datetime", SimpleType.DATETIME);
        }

        @Override
        public Literal toLiteral(Instant value, Type javaType, TransformerContext context) {
            return Literals.of(Primitive.newBuilder().setDatetime(timestamp(value)));
        }

        @Override
        public Instant toJava(Literal literal, Type javaType, TransformerContext context) {
            return readInstant(literal);
        }
    }

    /** Flyte timestamps carry no offset: values come back at UTC, the same instant. */
    static final class OffsetDateTimeTransformer extends ScalarTransformer<OffsetDateTime> {
        OffsetDateTimeTransformer() {
            super(OffsetDateTime.class, "datetime", SimpleType.DATETIME);
        }

        @Override
        public Literal toLiteral(OffsetDateTime value, Type javaType, TransformerContext context) {
            return Literals.of(Primitive.newBuilder().setDatetime(timestamp(value.toInstant())));
        }

        @Override
        public OffsetDateTime toJava(Literal literal, Type javaType, TransformerContext context) {
            return readInstant(literal).atOffset(ZoneOffset.UTC);
        }
    }

    /** A naive datetime, as flytekit writes a naive Python datetime: taken as UTC, read back at UTC. */
    static final class LocalDateTimeTransformer extends ScalarTransformer<LocalDateTime> {
        LocalDateTimeTransformer() {
            super(LocalDateTime.class, "datetime", SimpleType.DATETIME);
        }

        @Override
        public Literal toLiteral(LocalDateTime value, Type javaType, TransformerContext context) {
            return Literals.of(Primitive.newBuilder().setDatetime(timestamp(value.toInstant(ZoneOffset.UTC))));
        }

        @Override
        public LocalDateTime toJava(Literal literal, Type javaType, TransformerContext context) {
            return LocalDateTime.ofInstant(readInstant(literal), ZoneOffset.UTC);
        }
    }

    static final class DurationTransformer extends ScalarTransformer<Duration> {
        DurationTransformer() {
            super(Duration.class, "timedelta", SimpleType.DURATION);
        }

        @Override
        public Literal toLiteral(Duration value, Type javaType, TransformerContext context) {
            // protobuf's form, as flytekit writes it: seconds and nanos of the same sign (-1.5 ms is 0 s, -1500000 ns)
            long seconds = value.getSeconds();
            int nanos = value.getNano();
            if (seconds < 0 && nanos > 0) {
                seconds += 1;
                nanos -= 1_000_000_000;
            }
            return Literals.of(Primitive.newBuilder().setDuration(com.google.protobuf.Duration.newBuilder()
                    .setSeconds(seconds).setNanos(nanos)));
        }

        @Override
        public Duration toJava(Literal literal, Type javaType, TransformerContext context) {
            Primitive p = Literals.primitive(literal, "DURATION", Primitive.ValueCase.DURATION);
            return Duration.ofSeconds(p.getDuration().getSeconds(), p.getDuration().getNanos());
        }
    }

    /** Raw bytes as a BINARY scalar with an empty tag (flytekit has no bytes transformer; it pickles them). */
    static final class BytesTransformer extends ScalarTransformer<byte[]> {
        BytesTransformer() {
            super(byte[].class, "bytes", SimpleType.BINARY);
        }

        @Override
        public Literal toLiteral(byte[] value, Type javaType, TransformerContext context) {
            return Literals.of(Scalar.newBuilder().setBinary(Binary.newBuilder().setValue(ByteString.copyFrom(value))));
        }

        @Override
        public byte[] toJava(Literal literal, Type javaType, TransformerContext context) {
            if (literal.getValueCase() != Literal.ValueCase.SCALAR || !literal.getScalar().hasBinary()) {
                throw new IllegalArgumentException("expected a BINARY scalar");
            }
            Binary binary = literal.getScalar().getBinary();
            if (!binary.getTag().isEmpty()) {
                throw new IllegalArgumentException("expected raw bytes (empty tag), found tag [" + binary.getTag() + "]");
            }
            return binary.getValue().toByteArray();
        }
    }
}
