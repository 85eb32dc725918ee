package dev.flytejava.runtime.types.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Struct;
import dev.flytejava.runtime.types.FlyteDirectory;
import dev.flytejava.runtime.types.FlyteFile;
import dev.flytejava.runtime.types.StructuredDataset;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * JSON schemas of records and POJOs, written as flytekit writes a dataclass's schema (mashumaro's draft 2020-12
 * form): nested records inline with their {@code title}, every property {@code required}, {@code Optional} as
 * {@code anyOf} with null, maps with {@code additionalProperties} and {@code propertyNames}, enums by their Flyte
 * values, times with mashumaro's formats, and flytekit's own schemas for FlyteFile, FlyteDirectory and
 * StructuredDataset. Flyte's compiler compares these schemas when a record flows into a dataclass, so they must match.
 */
final class JsonSchemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JacksonMappers mappers;

    JsonSchemas(JacksonMappers mappers) {
        this.mappers = mappers;
    }

    /** The types of one schema being built, and the recursive ones referred to by {@code $ref}. */
    private record Build(Set<Type> inProgress, Map<Type, String> referenced) {}

    Struct schemaOf(Type type) {
        Build build = new Build(new HashSet<>(), new LinkedHashMap<>());
        ObjectNode root = schema(type, build);
        // a recursive record refers to its definition in $defs, as mashumaro does
        ObjectNode defs = NODES.objectNode();
        for (int done = 0; done < build.referenced().size(); done++) {
            Map.Entry<Type, String> next = List.copyOf(build.referenced().entrySet()).get(done);
            defs.set(next.getValue(), schema(next.getKey(), build));
        }
        if (!defs.isEmpty()) {
            root.set("$defs", defs);
        }
        return JsonStructs.toStruct(root);
    }

    private ObjectNode schema(Type type, Build build) {
        if (type instanceof WildcardType wildcard) {
            return schema(wildcard.getUpperBounds()[0], build);
        }
        Class<?> unboxed = JavaTypeNames.rawClass(type);
        if (unboxed == null || unboxed == Object.class) {
            return NODES.objectNode();
        }
        Class<?> raw = JavaTypeNames.boxed(unboxed);
        if (raw == Long.class || raw == Integer.class || raw == Short.class || raw == Byte.class || raw == BigInteger.class) {
            return typed("integer");
        }
        if (raw == Double.class || raw == Float.class || raw == BigDecimal.class) {
            return typed("number");
        }
        if (raw == Boolean.class) {
            return typed("boolean");
        }
        if (raw == String.class || raw == Character.class) {
            return typed("string");
        }
        if (raw == byte[].class) {
            return formatted("string", "base64");
        }
        if (raw == Instant.class || raw == OffsetDateTime.class || raw == ZonedDateTime.class || raw == LocalDateTime.class) {
            return formatted("string", "date-time");
        }
        if (raw == LocalDate.class) {
            return formatted("string", "date");
        }
        if (raw == LocalTime.class) {
            return formatted("string", "time");
        }
        if (raw == Duration.class) {
            return formatted("number", "time-delta");
        }
        if (raw == UUID.class) {
            return formatted("string", "uuid");
        }
        if (raw.isEnum()) {
            ObjectNode schema = NODES.objectNode();
            ArrayNode values = schema.putArray("enum");
            EnumTransformer.values(raw).forEach(values::add);
            return schema;
        }
        if (raw == Optional.class) {
            ObjectNode schema = NODES.objectNode();
            schema.putArray("anyOf").add(schema(argument(type, 0), build)).add(typed("null"));
            return schema;
        }
        if (Collection.class.isAssignableFrom(raw)) {
            ObjectNode schema = typed("array");
            Type element = argument(type, 0);
            if (element != Object.class) {
                schema.set("items", schema(element, build));
            }
            return schema;
        }
        if (Map.class.isAssignableFrom(raw)) {
            ObjectNode schema = typed("object");
            Type value = argument(type, 1);
            if (value != Object.class) {
                schema.set("additionalProperties", schema(value, build));
                schema.set("propertyNames", typed("string"));
            }
            return schema;
        }
        if (raw == FlyteFile.class) {
            return flyteFile();
        }
        if (raw == FlyteDirectory.class) {
            return flytekitObject("FlyteDirectory").set("properties", NODES.objectNode().set("path", pathProperty()));
        }
        if (raw == StructuredDataset.class) {
            ObjectNode properties = NODES.objectNode();
            properties.set("file_format", nullable(typed("string")).put("default", ""));
            properties.set("uri", nullable(typed("string")).putNull("default"));
            return flytekitObject("StructuredDataset").set("properties", properties);
        }
        return object(type, raw, build);
    }

    /**
     * A record or POJO: its properties as Jackson writes them, all required (Java has no field defaults); inside itself
     * a {@code $ref} to its definition.
     */
    private ObjectNode object(Type type, Class<?> raw, Build build) {
        if (!build.inProgress().add(type)) {
            String name = build.referenced().computeIfAbsent(type, t -> raw.getSimpleName());
            return NODES.objectNode().put("$ref", "#/$defs/" + name);
        }
        try {
            ObjectNode schema = flytekitObject(raw.getSimpleName());
            ObjectNode properties = schema.putObject("properties");
            ArrayNode required = NODES.arrayNode();
            mappers.properties(type).forEach((name, propertyType) -> {
                properties.set(name, schema(propertyType, build));
                required.add(name);
            });
            if (!required.isEmpty()) {
                schema.set("required", required);
            }
            return schema;
        } finally {
            build.inProgress().remove(type);
        }
    }

    /** flytekit's schema of FlyteFile inside a dataclass (its msgpack value holds only the path). */
    private static ObjectNode flyteFile() {
        ObjectNode metadata = typed("object");
        metadata.set("additionalProperties", typed("string"));
        metadata.set("propertyNames", typed("string"));
        ObjectNode properties = NODES.objectNode();
        properties.set("path", pathProperty());
        properties.set("metadata", nullable(metadata).putNull("default"));
        return flytekitObject("FlyteFile").set("properties", properties);
    }

    /** {@code path: Union[str, os.PathLike] = None}, as mashumaro writes it. */
    private static ObjectNode pathProperty() {
        ObjectNode path = NODES.objectNode();
        path.putArray("anyOf").add(typed("string")).add(formatted("string", "path"));
        return path.putNull("default");
    }

    private static ObjectNode flytekitObject(String title) {
        return typed("object").put("title", title).put("additionalProperties", false);
    }

    private static ObjectNode nullable(ObjectNode schema) {
        ObjectNode union = NODES.objectNode();
        union.putArray("anyOf").add(schema).add(typed("null"));
        return union;
    }

    private static ObjectNode typed(String type) {
        return NODES.objectNode().put("type", type);
    }

    private static ObjectNode formatted(String type, String format) {
        return typed(type).put("format", format);
    }

    /** A type argument, Object where there is none (a raw List or Map). */
    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length > index
                ? p.getActualTypeArguments()[index] : Object.class;
    }
}
