package dev.flytejava.runtime.types.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.flytejava.runtime.types.TypeConverter;
import dev.flytejava.runtime.types.TypeEngine;
import dev.flytejava.runtime.types.TypeRef;
import dev.flytejava.runtime.types.TypeTransformerException;
import flyteidl.core.Literals.Binary;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralCollection;
import flyteidl.core.Literals.Scalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one-parser read of a list of msgpack records gives what the per-element read gives, or steps aside. */
class RecordListReadTest {

    record Row(long id, double score, String name) {}

    private final TypeEngine engine = TypeEngine.builder().build();
    private final TypeConverter list = engine.converter(new TypeRef<List<Row>>() {}.type());
    private final TypeConverter row = engine.converter(Row.class);
    private final JacksonStructTransformer jackson = new JacksonStructTransformer(new JacksonMappers());

    private static List<Row> rows(int n) {
        Random random = new Random(7);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new Row(random.nextLong(), random.nextDouble(), i % 5 == 0 ? "" : "row-" + random.nextInt()));
        }
        return rows;
    }

    private static Literal msgpack(ByteString bytes) {
        return Literal.newBuilder().setScalar(Scalar.newBuilder().setBinary(Binary.newBuilder().setValue(bytes).setTag("msgpack"))).build();
    }

    private static List<Literal> elements(Literal collection) {
        return collection.getCollection().getLiteralsList();
    }

    private List<Object> perElement(List<Literal> literals) {
        List<Object> values = new ArrayList<>();
        for (Literal literal : literals) {
            values.add(row.toJava(literal));
        }
        return values;
    }

    @Test
    void fastReadEqualsPerElementRead() {
        List<Row> rows = rows(500);
        List<Literal> literals = elements(list.toLiteral(rows));
        List<Object> fast = jackson.toJavaList(literals, Row.class);
        assertNotNull(fast, "a clean list takes the one-parser read");
        assertEquals(rows, fast);
        assertEquals(perElement(literals), fast);
        assertEquals(rows, list.toJava(list.toLiteral(rows)));
        assertEquals(List.of(), jackson.toJavaList(List.of(), Row.class));
    }

    @Test
    void elementsWithTrailingBytesOrOtherFormsStepAside() {
        List<Literal> literals = new ArrayList<>(elements(list.toLiteral(rows(3))));
        // trailing bytes: the per-element read ignores them (Jackson's default), the shared parser would misalign
        ByteString first = literals.get(0).getScalar().getBinary().getValue();
        literals.set(0, msgpack(first.concat(ByteString.copyFrom(new byte[] {(byte) 0xc0}))));
        assertNull(jackson.toJavaList(literals, Row.class));
        Literal collection = Literal.newBuilder().setCollection(LiteralCollection.newBuilder().addAllLiterals(literals)).build();
        assertEquals(perElement(literals), list.toJava(collection));

        // a generic Struct element is read by the per-element route
        List<Literal> mixed = new ArrayList<>(elements(list.toLiteral(rows(2))));
        mixed.add(Literal.newBuilder().setScalar(Scalar.newBuilder().setGeneric(Struct.newBuilder()
                .putFields("id", Value.newBuilder().setNumberValue(3).build())
                .putFields("score", Value.newBuilder().setNumberValue(0.5).build())
                .putFields("name", Value.newBuilder().setStringValue("s").build()))).build());
        assertNull(jackson.toJavaList(mixed, Row.class));
        Literal mixedCollection = Literal.newBuilder().setCollection(LiteralCollection.newBuilder().addAllLiterals(mixed)).build();
        assertEquals(new Row(3, 0.5, "s"), ((List<?>) list.toJava(mixedCollection)).get(2));
    }

    @Test
    void badElementGetsTheUsualErrorWithItsIndex() {
        List<Literal> literals = new ArrayList<>(elements(list.toLiteral(rows(4))));
        ByteString good = literals.get(2).getScalar().getBinary().getValue();
        literals.set(2, msgpack(good.substring(0, good.size() - 3))); // truncated
        assertNull(jackson.toJavaList(literals, Row.class));
        Literal collection = Literal.newBuilder().setCollection(LiteralCollection.newBuilder().addAllLiterals(literals)).build();
        TypeTransformerException listError = assertThrows(TypeTransformerException.class, () -> list.toJava(collection));
        TypeTransformerException elementError = assertThrows(TypeTransformerException.class, () -> row.toJava(literals.get(2)));
        assertEquals("$[2]", listError.path());
        assertEquals(elementError.detail(), listError.detail());

        literals.set(2, msgpack(ByteString.EMPTY));
        assertNull(jackson.toJavaList(literals, Row.class));
        Literal empty = Literal.newBuilder().setCollection(LiteralCollection.newBuilder().addAllLiterals(literals)).build();
        assertEquals("$[2]", assertThrows(TypeTransformerException.class, () -> list.toJava(empty)).path());
    }
}
