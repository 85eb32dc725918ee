package dev.flytejava.runtime.types.internal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.google.protobuf.Struct;
import java.lang.reflect.Type;

/**
 * JSON schemas of records and POJOs (draft 2020-12, as flytekit's mashumaro writes), with the class's simple
 * name as {@code title} so the Flyte console and guessers can name the type.
 */
final class JsonSchemas {

    private final SchemaGenerator generator;

    JsonSchemas() {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT)
                .with(Option.NONPUBLIC_NONSTATIC_FIELDS_WITHOUT_GETTERS);
        // the two Jackson annotations that change the written form, so the schema describes what is written
        config.forFields().withPropertyNameOverrideResolver(field -> {
            JsonProperty property = field.getAnnotationConsideringFieldAndGetter(JsonProperty.class);
            return property == null || property.value().isEmpty() ? null : property.value();
        });
        config.forFields().withIgnoreCheck(field -> field.getAnnotationConsideringFieldAndGetter(JsonIgnore.class) != null);
        this.generator = new SchemaGenerator(config.build());
    }

    Struct schemaOf(Type type, Class<?> raw) {
        ObjectNode schema = generator.generateSchema(type);
        schema.put("title", raw.getSimpleName());
        return JsonStructs.toStruct(schema);
    }
}
