package dev.flytejava.testkit.admin;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where two specs differ, by field path ({@code /template/container/image}) with the registered and the requested
 * value, as FlyteAdmin's "with different structure already exists" messages list them (it diffs the JSON forms).
 */
final class SpecDiff {
  private static final int MAX = 5;

  private SpecDiff() {}

  static String firstDifference(Message registered, Message requested) {
    List<String> out = new ArrayList<>();
    diff("", registered, requested, out);
    return String.join("\n", out);
  }

  private static void diff(String path, Message a, Message b, List<String> out) {
    List<FieldDescriptor> fields = new ArrayList<>(a.getDescriptorForType().getFields());
    for (FieldDescriptor f : fields) {
      if (out.size() >= MAX) {
        return;
      }
      String p = path + "/" + f.getName();
      if (f.isRepeated()) {
        int n = Math.max(a.getRepeatedFieldCount(f), b.getRepeatedFieldCount(f));
        for (int i = 0; i < n && out.size() < MAX; i++) {
          Object x = i < a.getRepeatedFieldCount(f) ? a.getRepeatedField(f, i) : null;
          Object y = i < b.getRepeatedFieldCount(f) ? b.getRepeatedField(f, i) : null;
          compare(p + "/" + i, f, x, y, out);
        }
      } else {
        boolean hasA = !f.hasPresence() || a.hasField(f);
        boolean hasB = !f.hasPresence() || b.hasField(f);
        compare(p, f, hasA ? a.getField(f) : null, hasB ? b.getField(f) : null, out);
      }
    }
  }

  private static void compare(String path, FieldDescriptor f, Object x, Object y, List<String> out) {
    if (Objects.equals(x, y)) {
      return;
    }
    if (x instanceof Message mx && y instanceof Message my && f.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
      diff(path, mx, my, out);
      return;
    }
    out.add(path + ":\n\t- " + show(x) + " \n\t+ " + show(y));
  }

  private static String show(Object v) {
    if (v == null) {
      return "(none)";
    }
    if (v instanceof Message m) {
      return "{" + TextFormat.printer().shortDebugString(m) + "}";
    }
    return String.valueOf(v);
  }
}
