package dev.flytejava.runtime.types.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.google.protobuf.UnsafeByteOperations;
import dev.flytejava.runtime.types.TransformerContext;
import dev.flytejava.runtime.types.TypeTransformer;
import dev.flytejava.runtime.types.TypeTransformerException;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import flyteidl.core.Types.TypeStructure;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records and POJOs through Jackson, as flytekit handles dataclasses: Flyte type STRUCT with the JSON schema as
 * metadata, the field types as {@code structure.dataclass_type} and flytekit's msgpack annotation; values as a
 * Binary with tag {@code msgpack}. Reading also accepts the generic {@code google.protobuf.Struct} form.
 * One reader and writer per Java type, built on first use. Plain records (scalar and String components, no Jackson
 * annotations) skip Jackson's msgpack binding through {@link PlainRecordCodec}, which writes the same bytes.
 */
public final class JacksonStructTransformer implements TypeTransformer<Object>, ListCodec {

    private final JacksonMappers mappers;
    private volatile JsonSchemas schemas; // made on first use, as the mappers (see JacksonMappers)
    private final ConcurrentHashMap<Type, Codec> codecs = new ConcurrentHashMap<>();
    private final ThreadLocal<Set<Type>> typesInProgress = ThreadLocal.withInitial(HashSet::new);

    /** Reader and writers of one type; {@code plain} is set for the records {@link PlainRecordCodec} handles. */
    private record Codec(ObjectWriter writer, ObjectWriter listWriter, ObjectReader reader, ObjectReader treeReader,
                         PlainRecordCodec plain) {}

    private JsonSchemas schemas() {
        JsonSchemas s = schemas;
        if (s == null) {
            s = new JsonSchemas(mappers);
            schemas = s;
        }
        return s;
    }

    public JacksonStructTransformer(JacksonMappers mappers) {
        this.mappers = mappers;
    }

    @Override
    public Class<Object> type() {
        return Object.class;
    }

    @Override
    public String name() {
        return "Object-Dataclass-Transformer";
    }

    /**
     * Why Jackson cannot carry {@code raw} as a STRUCT, or null when it can: records always; other classes when
     * they are concrete, outside the JDK, and Jackson finds properties and a way to construct them.
     */
    public String rejectionReason(Class<?> raw) {
        if (raw.isRecord()) {
            return null;
        }
        if (raw.isArray()) {
            return "arrays other than byte[] have no Flyte type; use List<T>";
        }
        if (raw.isPrimitive() || raw.isInterface() || Modifier.isAbstract(raw.getModifiers())) {
            return "an interface or abstract class; use a concrete type or register a transformer for this one";
        }
        String name = raw.getName();
        if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.") || name.startsWith("sun.")) {
            return "a JDK class is not treated as a POJO";
        }
        if (raw.getEnclosingClass() != null && !Modifier.isStatic(raw.getModifiers())) {
            return "an inner class needs its outer instance; make it static or a record";
        }
        ObjectMapper mapper = mappers.json();
        JavaType type = mapper.constructType(raw);
        BeanDescription serialization = mapper.getSerializationConfig().introspect(type);
        if (serialization.findProperties().isEmpty()) {
            return "not a record, and Jackson finds no properties (public fields or getters) in it";
        }
        BeanDescription deserialization = mapper.getDeserializationConfig().introspect(type);
        boolean creator = deserialization.findDefaultConstructor() != null
                || deserialization.getConstructors().stream().anyMatch(c -> c.hasAnnotation(JsonCreator.class))
                || deserialization.getFactoryMethods().stream().anyMatch(m -> m.hasAnnotation(JsonCreator.class))
                || raw.isAnnotationPresent(JsonPOJOBuilder.class);
        return creator ? null : "Jackson cannot construct it: add a no-argument constructor or a @JsonCreator";
    }

    @Override
    public LiteralType literalType(Type javaType, TransformerContext context) {
        Class<?> raw = JavaTypeNames.rawClass(javaType);
        Set<Type> inProgress = typesInProgress.get();
        if (!inProgress.add(javaType)) {
            throw new IllegalStateException("recursive type [" + javaType.getTypeName() + "]");
        }
        try {
            return LiteralType.newBuilder()
                    .setSimple(SimpleType.STRUCT)
                    .setMetadata(schemas().schemaOf(javaType))
                    .setStructure(TypeStructure.newBuilder().putAllDataclassType(fieldTypes(javaType, context)))
                    .setAnnotation(Literals.MSGPACK_ANNOTATION)
                    .build();
        } finally {
            inProgress.remove(javaType);
        }
    }

    /**
     * Literal types of the properties by their written names, for attribute access in Flyte; properties no transformer
     * handles are left out, like flytekit.
     */
    private Map<String, LiteralType> fieldTypes(Type javaType, TransformerContext context) {
        Map<String, LiteralType> types = new LinkedHashMap<>();
        mappers.properties(javaType).forEach((name, type) -> {
            try {
                types.put(name, context.literalTypeOf(type));
            } catch (RuntimeException e) {
                // a field without a Flyte type (or a recursive one) only loses attribute access, the value still travels
            }
        });
        return types;
    }

    @Override
    public Literal toLiteral(Object value, Type javaType, TransformerContext context) {
        Codec codec = codec(javaType);
        if (codec.plain() != null) {
            MsgpackWriter out = new MsgpackWriter(64);
            try {
                codec.plain().write(value, out);
                return Literals.msgpack(UnsafeByteOperations.unsafeWrap(out.toByteArray()));
            } catch (RuntimeException e) {
                // an accessor threw: Jackson writes it again and reports it with the component's path
            }
        }
        byte[] bytes;
        try {
            bytes = codec.writer().writeValueAsBytes(value);
        } catch (JsonMappingException e) {
            throw withPath(Failures.toLiteral(value, context.literalTypeOf(javaType), e.getOriginalMessage(), e), e);
        } catch (JsonProcessingException e) {
            throw Failures.toLiteral(value, context.literalTypeOf(javaType), e.getOriginalMessage(), e);
        }
        return Literals.msgpack(UnsafeByteOperations.unsafeWrap(bytes));
    }

    @Override
    public Object toJava(Literal literal, Type javaType, TransformerContext context) {
        Scalar scalar = literal.getScalar();
        try {
            if (literal.getValueCase() == Literal.ValueCase.SCALAR && scalar.hasBinary()) {
                if (!Literals.MSGPACK.equals(scalar.getBinary().getTag())) {
                    throw new IllegalArgumentException("unsupported binary tag [" + scalar.getBinary().getTag() + "], expected [msgpack]");
                }
                Codec codec = codec(javaType);
                byte[] bytes = scalar.getBinary().getValue().toByteArray();
                Object plain = codec.plain() == null ? null : codec.plain().read(bytes, 0, bytes.length);
                return plain != null ? plain : codec.reader().readValue(bytes);
            }
            if (literal.getValueCase() == Literal.ValueCase.SCALAR && scalar.hasGeneric()) {
                return codec(javaType).treeReader().readValue(JsonStructs.toTree(scalar.getGeneric()));
            }
        } catch (JsonMappingException e) {
            throw withPath(Failures.toJava(literal, javaType, context.literalTypeOf(javaType), e.getOriginalMessage(), e), e);
        } catch (IOException e) {
            throw Failures.toJava(literal, javaType, context.literalTypeOf(javaType), e.getMessage(), e);
        }
        throw new IllegalArgumentException("expected a msgpack BINARY or a generic STRUCT scalar");
    }

    /**
     * A whole list of values of one type, for {@link ListTransformer}: all are written into one array, and each
     * element's Binary wraps its own slice of it (no buffer and no copy per element).
     * Nulls and values of another class go through {@code element} for its usual error.
     */
    @Override
    public Literal toLiteralList(java.util.List<?> values, BoundConverter element) {
        Type javaType = element.javaType();
        Class<?> instanceClass = JavaTypeNames.rawClass(javaType);
        boolean allExactly = true;
        int index = 0;
        for (Object value : values) {
            if (!instanceClass.isInstance(value)) {
                ListTransformer.atIndex(index, () -> element.toLiteral(value)); // throws: null or a stranger
            }
            allExactly &= value != null && value.getClass() == instanceClass;
            index++;
        }
        Slices slices = allExactly ? writeAsOneArray(values, javaType) : null;
        if (slices == null) {
            slices = writeEach(values, element);
        }
        java.util.ArrayList<Literal> literals = new java.util.ArrayList<>(slices.ends().length);
        int start = slices.start();
        for (int end : slices.ends()) {
            literals.add(Literals.msgpack(UnsafeByteOperations.unsafeWrap(slices.bytes(), start, end - start)));
            start = end;
        }
        return Literals.collection(literals);
    }

    /** The msgpack values of a list, back to back in {@code bytes} from {@code start}; element i ends at {@code ends[i]}. */
    private record Slices(byte[] bytes, int start, int[] ends) {}

    /**
     * All values as one msgpack array through one generator (a generator per value costs more than the value), then
     * the element boundaries found by skipping over each element. The elements are the bytes the per-value writer
     * writes: a msgpack array is its header followed by its elements. Null when writing fails, so the per-value
     * route reports the failing element as usual.
     */
    private Slices writeAsOneArray(java.util.List<?> values, Type javaType) {
        PlainRecordCodec plain = codec(javaType).plain();
        if (plain != null) {
            return writePlain(values, plain);
        }
        Sink sink = new Sink(Math.max(256, values.size() * 32));
        try {
            codec(javaType).listWriter().writeValue(sink, values);
            byte[] all = sink.array();
            int[] ends = new int[values.size()];
            try (org.msgpack.core.MessageUnpacker unpacker = org.msgpack.core.MessagePack.newDefaultUnpacker(all, 0, sink.size())) {
                if (unpacker.unpackArrayHeader() != ends.length) {
                    return null;
                }
                int start = (int) unpacker.getTotalReadBytes();
                for (int i = 0; i < ends.length; i++) {
                    unpacker.skipValue();
                    ends[i] = (int) unpacker.getTotalReadBytes();
                }
                return new Slices(all, start, ends);
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Plain records back to back without Jackson; null (the per-value route then reports it) if an accessor throws. */
    private static Slices writePlain(java.util.List<?> values, PlainRecordCodec plain) {
        MsgpackWriter out = new MsgpackWriter(Math.max(256, values.size() * 32));
        int[] ends = new int[values.size()];
        int index = 0;
        try {
            for (Object value : values) {
                plain.write(value, out);
                ends[index++] = out.size();
            }
        } catch (RuntimeException e) {
            return null;
        }
        return new Slices(out.toByteArray(), 0, ends);
    }

    /** Each value through the per-value writer into one shared sink; errors name the element's index and path. */
    private Slices writeEach(java.util.List<?> values, BoundConverter element) {
        int[] ends = new int[values.size()];
        Sink sink = new Sink(Math.max(256, values.size() * 32));
        ObjectWriter writer = codec(element.javaType()).writer();
        int index = 0;
        Object current = null;
        try {
            for (Object value : values) {
                current = value;
                writer.writeValue(sink, value); // msgpack generators hold one root value each; the sink is shared
                ends[index++] = sink.size();
            }
        } catch (JsonMappingException e) {
            throw withPath(Failures.toLiteral(current, element.literalType(), e.getOriginalMessage(), e), e).prependPath("[" + index + "]");
        } catch (IOException e) {
            throw Failures.toLiteral(current, element.literalType(), e.getMessage(), e).prependPath("[" + index + "]");
        }
        return new Slices(sink.array(), 0, ends);
    }

    /**
     * A whole list of msgpack binaries of one type, for {@link ListTransformer}: the element bytes are copied into one
     * array and read by one parser (a parser per element costs more than the value itself). Returns null, so the
     * caller takes the per-element route with its usual results and errors, when any element is not a non-empty msgpack
     * binary, fails to read, or does not end exactly where its bytes end.
     */
    @Override
    public java.util.List<?> toJavaList(java.util.List<Literal> literals, BoundConverter element) {
        java.util.List<Object> values = toJavaList(literals, element.javaType());
        return values == null ? null : java.util.Collections.unmodifiableList(values);
    }

    java.util.List<Object> toJavaList(java.util.List<Literal> literals, Type javaType) {
        int size = literals.size();
        int[] ends = new int[size];
        int total = 0;
        for (int i = 0; i < size; i++) {
            Literal literal = literals.get(i);
            Scalar scalar = literal.getScalar();
            if (literal.getValueCase() != Literal.ValueCase.SCALAR || !scalar.hasBinary()
                    || scalar.getBinary().getValue().isEmpty() || !Literals.MSGPACK.equals(scalar.getBinary().getTag())) {
                return null;
            }
            total = Math.addExact(total, scalar.getBinary().getValue().size());
            ends[i] = total;
        }
        byte[] all = new byte[total];
        for (int i = 0, start = 0; i < size; start = ends[i++]) {
            literals.get(i).getScalar().getBinary().getValue().copyTo(all, start);
        }
        Codec codec = codec(javaType);
        if (codec.plain() != null) {
            java.util.List<Object> plain = codec.plain().readAll(all, ends);
            if (plain != null) {
                return plain;
            }
            // otherwise Jackson reads the whole list, with its own results and errors
        }
        java.util.ArrayList<Object> values = new java.util.ArrayList<>(size);
        ObjectReader reader = codec.reader();
        try (com.fasterxml.jackson.core.JsonParser parser = reader.createParser(all)) {
            for (int i = 0; i < size; i++) {
                values.add(reader.readValue(parser)); // reads one root value and leaves the parser right after it
                // the msgpack parser reports its byte position as the location's "char offset" (its byte offset is unknown)
                if (parser.currentLocation().getCharOffset() != ends[i]) {
                    return null;
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return values;
    }

    /** A byte sink whose array is shared, not copied, once writing is over. */
    private static final class Sink extends java.io.ByteArrayOutputStream {
        Sink(int capacity) {
            super(capacity);
        }

        byte[] array() {
            return buf;
        }
    }

    private static TypeTransformerException withPath(TypeTransformerException error, JsonMappingException cause) {
        String path = JacksonMappers.pathOf(cause);
        return path.isEmpty() ? error : error.prependPath(path);
    }

    private Codec codec(Type javaType) {
        Codec codec = codecs.get(javaType);
        if (codec == null) {
            JavaType type = mappers.json().constructType(javaType);
            JavaType listType = mappers.msgpack().getTypeFactory().constructCollectionType(java.util.List.class, type);
            codec = new Codec(mappers.msgpack().writerFor(type), mappers.msgpack().writerFor(listType),
                    mappers.msgpack().readerFor(type), mappers.json().readerFor(type),
                    PlainRecordCodec.of(JavaTypeNames.rawClass(javaType)));
            codecs.putIfAbsent(javaType, codec);
        }
        return codec;
    }
}
