package dev.flytejava.runtime.types.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.msgpack.jackson.dataformat.MessagePackFactory;

/**
 * The two Jackson mappers of one engine: msgpack for Binary values (tag "msgpack") and JSON trees for the generic
 * Struct form. Same modules and features on both, so a value reads the same from either form. Each is made when
 * first asked for: setting up Jackson costs a few hundred milliseconds in a fresh JVM, which a program that
 * converts no record or untyped map (a {@code flyte-java package} of a workflow of longs) need not pay.
 */
public final class JacksonMappers {

    private volatile ObjectMapper msgpack;
    private volatile ObjectMapper json;

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new Jdk8Module())
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .enable(DeserializationFeature.USE_LONG_FOR_INTS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    public ObjectMapper msgpack() {
        ObjectMapper m = msgpack;
        if (m == null) {
            synchronized (this) {
                m = msgpack;
                if (m == null) {
                    msgpack = m = configure(new ObjectMapper(new MessagePackFactory()));
                }
            }
        }
        return m;
    }

    public ObjectMapper json() {
        ObjectMapper m = json;
        if (m == null) {
            synchronized (this) {
                m = json;
                if (m == null) {
                    json = m = configure(new ObjectMapper());
                }
            }
        }
        return m;
    }

    /** Jackson's reference path ({@code points -> [2] -> x}) as our path segments ({@code .points[2].x}). */
    public static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(MapTransformer.segment(reference.getFieldName()));
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
