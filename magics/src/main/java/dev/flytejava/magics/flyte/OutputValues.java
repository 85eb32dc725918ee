package dev.flytejava.magics.flyte;

import dev.flytejava.runtime.model.TypedInterface;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns an execution's outputs into what the Java method returns, and into short texts for display. */
final class OutputValues {
    private OutputValues() {}

    private static final int MAX_TEXT = 300;

    /** The single output, the {@code @Outputs} record, {@code null} for none, else the outputs map. */
    static Object javaResult(TypedInterface iface, Map<String, Object> outputs) {
        if (iface.outputs().isEmpty()) return null;
        Class<? extends Record> record = iface.outputRecord();
        if (record != null) {
            RecordComponent[] components = record.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = outputs.get(components[i].getName());
            }
            try {
                Constructor<? extends Record> constructor = record.getDeclaredConstructor(types);
                return constructor.newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot build output record [" + record.getName() + "] from " + outputs.keySet(), e);
            }
        }
        if (outputs.size() == 1) return outputs.values().iterator().next();
        return outputs;
    }

    static Map<String, String> texts(Map<String, Object> outputs) {
        Map<String, String> texts = new LinkedHashMap<>();
        outputs.forEach((k, v) -> {
            String s = String.valueOf(v);
            texts.put(k, s.length() > MAX_TEXT ? s.substring(0, MAX_TEXT) + "..." : s);
        });
        return texts;
    }
}
