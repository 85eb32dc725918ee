package dev.flytejava.testkit.admin;

import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;

/** The first line where two specs differ, for FlyteAdmin's "with different structure already exists" messages. */
final class SpecDiff {
  private SpecDiff() {}

  static String firstDifference(Message registered, Message requested) {
    String[] a = TextFormat.printer().printToString(registered).split("\n");
    String[] b = TextFormat.printer().printToString(requested).split("\n");
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      String x = i < a.length ? a[i].trim() : "";
      String y = i < b.length ? b[i].trim() : "";
      if (!x.equals(y)) {
        return "line " + (i + 1) + ":\n\t- " + x + " \n\t+ " + y;
      }
    }
    return "";
  }
}
