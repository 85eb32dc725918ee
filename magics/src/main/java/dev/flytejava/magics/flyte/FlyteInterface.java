package dev.flytejava.magics.flyte;

import dev.flytejava.runtime.model.FlyteTypes;
import dev.flytejava.runtime.model.TypedInterface;
import dev.flytejava.runtime.model.Variable;
import dev.flytejava.runtime.types.TypeEngine;
import flyteidl.core.Types.LiteralType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A task's interface in Flyte types, as its declaring cell showed it. When a cell redefines a type the task uses,
 * the task is bound to the new classes only if this stays the same: the declaration's card, the workflows wired to
 * it and its cached results all assumed it.
 */
record FlyteInterface(Map<String, LiteralType> inputs, Map<String, LiteralType> outputs) {

    static FlyteInterface of(TypedInterface iface, TypeEngine engine) {
        return new FlyteInterface(types(iface.inputs(), engine), types(iface.outputs(), engine));
    }

    private static Map<String, LiteralType> types(List<Variable> vars, TypeEngine engine) {
        Map<String, LiteralType> out = new LinkedHashMap<>();
        for (Variable v : vars) out.put(v.name(), engine.literalTypeOf(v.type()));
        return out;
    }

    /** What differs from {@code now}, one phrase per input or output: {@code input [b]: STRUCT(Box) {w: integer} -> ...}. */
    List<String> differences(FlyteInterface now) {
        List<String> out = new ArrayList<>();
        diff("input", inputs, now.inputs, out);
        diff("output", outputs, now.outputs, out);
        return out;
    }

    private static void diff(String kind, Map<String, LiteralType> before, Map<String, LiteralType> after, List<String> out) {
        before.forEach((name, type) -> {
            LiteralType now = after.get(name);
            if (now == null) {
                out.add(kind + " [" + name + "] is gone");
            } else if (!now.equals(type)) {
                out.add(kind + " [" + name + "] was " + describe(type, now) + " and is " + describe(now, type) + " now");
            }
        });
        after.keySet().stream().filter(n -> !before.containsKey(n)).forEach(n -> out.add(kind + " [" + n + "] is new"));
    }

    /** The type's text, with its fields when the texts alone would look the same (a record whose fields changed). */
    private static String describe(LiteralType type, LiteralType other) {
        String text = FlyteTypes.describe(type);
        if (!text.equals(FlyteTypes.describe(other)) || !type.hasMetadata()) return "[" + text + "]";
        com.google.protobuf.Value properties = type.getMetadata().getFieldsMap().get("properties");
        if (properties == null || !properties.hasStructValue()) return "[" + text + "] (other metadata)";
        StringBuilder fields = new StringBuilder();
        properties.getStructValue().getFieldsMap().forEach((field, schema) -> {
            com.google.protobuf.Value t = schema.hasStructValue() ? schema.getStructValue().getFieldsMap().get("type") : null;
            fields.append(fields.length() == 0 ? "" : ", ").append(field)
                    .append(t == null ? "" : ": " + (t.hasStringValue() ? t.getStringValue() : t.toString().strip()));
        });
        return "[" + text + " {" + fields + "}]";
    }
}
