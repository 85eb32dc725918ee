package dev.flytejava.runtime.types.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import org.msgpack.jackson.dataformat.MessagePackFactory;

/**
 * The two Jackson mappers of one engine: msgpack for Binary values (tag "msgpack") and JSON trees for the generic
 * Struct form. Same modules and features on both, so a value reads the same from either form. Times are written as
 * flytekit writes them inside dataclasses ({@link PythonTimeModule}). Each is made when first asked for: setting up
 * Jackson costs a few hundred milliseconds in a fresh JVM, which a program that converts no record need not pay.
 */
public final class JacksonMappers {

    private volatile ObjectMapper msgpack;
    private volatile ObjectMapper json;

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new Jdk8Module())
                .registerModule(new JavaTimeModule())
                .registerModule(new PythonTimeModule()) // times as flytekit writes them in dataclasses
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

    /**
     * The properties Jackson writes for a record or POJO, in its order, by their written names ({@code @JsonProperty}
     * applies, {@code @JsonIgnore}d ones are left out), with their declared generic types.
     */
    public Map<String, Type> properties(Type javaType) {
        Map<String, Type> properties = new LinkedHashMap<>();
        ObjectMapper json = json();
        for (BeanPropertyDefinition property : json.getSerializationConfig().introspect(json.constructType(javaType)).findProperties()) {
            AnnotatedMember accessor = property.getAccessor();
            if (accessor != null && accessor.getAnnotated() instanceof Field field) {
                properties.put(property.getName(), field.getGenericType());
            } else if (accessor != null && accessor.getAnnotated() instanceof Method method) {
                properties.put(property.getName(), method.getGenericReturnType());
            }
        }
        return properties;
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
