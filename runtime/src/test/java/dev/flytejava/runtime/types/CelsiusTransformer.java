package dev.flytejava.runtime.types;

import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import java.lang.reflect.Type;

/** A plug-in transformer found by ServiceLoader (listed in test META-INF/services): Celsius as a FLOAT. */
public final class CelsiusTransformer implements TypeTransformer<CelsiusTransformer.Celsius> {

    /** A type with no bean properties: Jackson cannot carry it, so it needs a transformer. */
    public static final class Celsius {
        private final double degrees;

        public Celsius(double degrees) {
            this.degrees = degrees;
        }

        double degrees() {
            return degrees;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Celsius c && c.degrees == degrees;
        }

        @Override
        public int hashCode() {
            return Double.hashCode(degrees);
        }
    }

    @Override
    public Class<Celsius> type() {
        return Celsius.class;
    }

    @Override
    public LiteralType literalType(Type javaType, TransformerContext context) {
        return LiteralType.newBuilder().setSimple(SimpleType.FLOAT).build();
    }

    @Override
    public Literal toLiteral(Celsius value, Type javaType, TransformerContext context) {
        return Literal.newBuilder().setScalar(Scalar.newBuilder().setPrimitive(Primitive.newBuilder().setFloatValue(value.degrees()))).build();
    }

    @Override
    public Celsius toJava(Literal literal, Type javaType, TransformerContext context) {
        return new Celsius(literal.getScalar().getPrimitive().getFloatValue());
    }

    @Override
    public String toString() {
        return "CelsiusTransformer(service)";
    }
}
