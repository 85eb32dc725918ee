package dev.flytejava.runtime.types.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.Iterator;
import java.util.Map;

/** Jackson trees to and from {@code google.protobuf.Struct}, the generic form of STRUCT values and of schemas. */
public final class JsonStructs {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonStructs() {}

    public static Struct toStruct(ObjectNode object) {
        Struct.Builder struct = Struct.newBuilder();
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            struct.putFields(field.getKey(), toValue(field.getValue()));
        }
        return struct.build();
    }

    private static Value toValue(JsonNode node) {
        Value.Builder value = Value.newBuilder();
        switch (node.getNodeType()) {
            case OBJECT -> value.setStructValue(toStruct((ObjectNode) node));
            case ARRAY -> {
                ListValue.Builder list = ListValue.newBuilder();
                node.forEach(item -> list.addValues(toValue(item)));
                value.setListValue(list);
            }
            case STRING -> value.setStringValue(node.textValue());
            case NUMBER -> value.setNumberValue(node.doubleValue());
            case BOOLEAN -> value.setBoolValue(node.booleanValue());
            case NULL, MISSING -> value.setNullValue(NullValue.NULL_VALUE);
            default -> value.setStringValue(node.asText());
        }
        return value.build();
    }

    /** Struct numbers are doubles; integral ones become long nodes so long fields read back exactly. */
    public static ObjectNode toTree(Struct struct) {
        ObjectNode object = NODES.objectNode();
        struct.getFieldsMap().forEach((key, value) -> object.set(key, toNode(value)));
        return object;
    }

    private static JsonNode toNode(Value value) {
        return switch (value.getKindCase()) {
            case STRUCT_VALUE -> toTree(value.getStructValue());
            case LIST_VALUE -> {
                ArrayNode array = NODES.arrayNode();
                value.getListValue().getValuesList().forEach(item -> array.add(toNode(item)));
                yield array;
            }
            case STRING_VALUE -> NODES.textNode(value.getStringValue());
            case NUMBER_VALUE -> {
                double number = value.getNumberValue();
                yield number == Math.rint(number) && Math.abs(number) < 0x1p53 ? NODES.numberNode((long) number) : NODES.numberNode(number);
            }
            case BOOL_VALUE -> NODES.booleanNode(value.getBoolValue());
            case NULL_VALUE, KIND_NOT_SET -> NODES.nullNode();
        };
    }
}
