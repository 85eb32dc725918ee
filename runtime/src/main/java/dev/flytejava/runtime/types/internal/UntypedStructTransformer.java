package dev.flytejava.runtime.types.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.google.protobuf.UnsafeByteOperations;
import dev.flytejava.runtime.types.TransformerContext;
import dev.flytejava.runtime.types.TypeTransformer;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * {@code Map<String, Object>} as flytekit's untyped {@code dict}: STRUCT without schema, msgpack Binary values.
 * Values inside are JSON-like (String, Long, Double, Boolean, List, Map, null) when read back.
 */
@SuppressWarnings("rawtypes")
public final class UntypedStructTransformer implements TypeTransformer<Map> {

    private static final LiteralType TYPE = LiteralType.newBuilder().setSimple(SimpleType.STRUCT)
            .setAnnotation(Literals.MSGPACK_ANNOTATION).build();

    /** The msgpack writer and reader and the tree reader, made on first use (see {@link JacksonMappers}). */
    private record Codecs(ObjectWriter writer, ObjectReader reader, ObjectReader treeReader) {}

    private final JacksonMappers mappers;
    private volatile Codecs codecs;

    public UntypedStructTransformer(JacksonMappers mappers) {
        this.mappers = mappers;
    }

    private Codecs codecs() {
        Codecs c = codecs;
        if (c == null) {
            c = new Codecs(mappers.msgpack().writerFor(Map.class), mappers.msgpack().readerFor(Map.class),
                    mappers.json().readerFor(Map.class));
            codecs = c;
        }
        return c;
    }

    @Override
    public Class<Map> type() {
        return Map.class;
    }

    @Override
    public String name() {
        return "Typed Dict";
    }

    @Override
    public LiteralType literalType(Type javaType, TransformerContext context) {
        return TYPE;
    }

    @Override
    public Literal toLiteral(Map value, Type javaType, TransformerContext context) {
        try {
            return Literals.msgpack(UnsafeByteOperations.unsafeWrap(codecs().writer().writeValueAsBytes(value)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    @Override
    public Map toJava(Literal literal, Type javaType, TransformerContext context) {
        Scalar scalar = literal.getScalar();
        try {
            if (literal.getValueCase() == Literal.ValueCase.SCALAR && scalar.hasBinary()
                    && Literals.MSGPACK.equals(scalar.getBinary().getTag())) {
                return codecs().reader().readValue(scalar.getBinary().getValue().toByteArray());
            }
            if (literal.getValueCase() == Literal.ValueCase.SCALAR && scalar.hasGeneric()) {
                return codecs().treeReader().readValue(JsonStructs.toTree(scalar.getGeneric()));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        throw new IllegalArgumentException("expected a msgpack BINARY or a generic STRUCT scalar");
    }
}
