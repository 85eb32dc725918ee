package dev.flytejava.runtime.idl;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Test helper: rewrites every message inside a message, bottom-up (children first, then the message itself). */
final class ProtoWalk {
  private ProtoWalk() {}

  @SuppressWarnings("unchecked")
  static <M extends Message> M map(M message, UnaryOperator<Message> f) {
    Message.Builder b = message.toBuilder();
    for (Map.Entry<FieldDescriptor, Object> e : message.getAllFields().entrySet()) {
      FieldDescriptor field = e.getKey();
      if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
        continue;
      }
      if (field.isRepeated()) {
        List<Object> items = new ArrayList<>();
        for (Object item : (List<?>) e.getValue()) {
          items.add(map((Message) item, f));
        }
        b.setField(field, items);
      } else {
        b.setField(field, map((Message) e.getValue(), f));
      }
    }
    return (M) f.apply(b.build());
  }

  /** Every message of type {@code type} inside {@code message} (and itself), depth-first. */
  static <T extends Message> List<T> all(Message message, Class<T> type) {
    List<T> out = new ArrayList<>();
    map(message, m -> {
      if (type.isInstance(m)) {
        out.add(type.cast(m));
      }
      return m;
    });
    return out;
  }
}
