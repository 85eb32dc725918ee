package dev.flytejava.runtime.types.internal;

import com.google.protobuf.ByteString;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import flyteidl.core.Literals.Binary;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralCollection;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Literals.Void;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import flyteidl.core.Types.TypeAnnotation;
import flyteidl.core.Types.TypeStructure;
import java.util.List;

/** Builders and readers for the literal shapes the built-in transformers share. */
public final class Literals {

    /** Binary tag of msgpack-encoded values, as flytekit writes for dataclasses and dicts. */
    public static final String MSGPACK = "msgpack";

    /** flytekit's annotation on msgpack-serialized STRUCT types: {"cache-key-metadata": {"serialization-format": "msgpack"}}. */
    public static final TypeAnnotation MSGPACK_ANNOTATION = TypeAnnotation.newBuilder()
            .setAnnotations(Struct.newBuilder().putFields("cache-key-metadata", Value.newBuilder()
                    .setStructValue(Struct.newBuilder().putFields("serialization-format",
                            Value.newBuilder().setStringValue(MSGPACK).build()))
                    .build()))
            .build();

    public static final Literal NONE = Literal.newBuilder()
            .setScalar(Scalar.newBuilder().setNoneType(Void.getDefaultInstance())).build();

    private Literals() {}

    public static LiteralType simple(SimpleType simple) {
        return LiteralType.newBuilder().setSimple(simple).build();
    }

    /**
     * The same type as a union variant: flytekit replaces the variant's structure with its transformer's name as the
     * tag (a dataclass variant loses its field types).
     */
    public static LiteralType tagged(LiteralType type, String tag) {
        return type.toBuilder().setStructure(TypeStructure.newBuilder().setTag(tag)).build();
    }

    public static Literal of(Primitive.Builder primitive) {
        return Literal.newBuilder().setScalar(Scalar.newBuilder().setPrimitive(primitive)).build();
    }

    /** A collection literal of {@code literals}, in order. */
    public static Literal collection(List<Literal> literals) {
        return Literal.newBuilder().setCollection(LiteralCollection.newBuilder().addAllLiterals(literals)).build();
    }

    public static Literal of(Scalar.Builder scalar) {
        return Literal.newBuilder().setScalar(scalar).build();
    }

    /** A msgpack-encoded value as flytekit writes it: a Binary scalar tagged {@link #MSGPACK}. */
    public static Literal msgpack(ByteString bytes) {
        return of(Scalar.newBuilder().setBinary(Binary.newBuilder().setValue(bytes).setTag(MSGPACK)));
    }

    /** The primitive inside a literal, or an exception naming the expected kind. */
    public static Primitive primitive(Literal literal, String expected) {
        if (literal.getValueCase() != Literal.ValueCase.SCALAR || literal.getScalar().getValueCase() != Scalar.ValueCase.PRIMITIVE) {
            throw new IllegalArgumentException("expected a " + expected + " primitive");
        }
        return literal.getScalar().getPrimitive();
    }

    /** The primitive inside a literal if it holds {@code kind}, or an exception naming the expected kind. */
    public static Primitive primitive(Literal literal, String expected, Primitive.ValueCase kind) {
        Primitive p = primitive(literal, expected);
        if (p.getValueCase() != kind) {
            throw new IllegalArgumentException("expected a " + expected + " primitive");
        }
        return p;
    }

    public static boolean isNone(Literal literal) {
        return literal.getValueCase() == Literal.ValueCase.SCALAR
                && literal.getScalar().getValueCase() == Scalar.ValueCase.NONE_TYPE;
    }
}
