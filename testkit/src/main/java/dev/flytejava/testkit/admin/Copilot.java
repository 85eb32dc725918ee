package dev.flytejava.testkit.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Tasks.DataLoadingConfig;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.core.Types.SimpleType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Flyte's copilot sidecar does around a raw container task with a {@code data_config}: before the command, each
 * input as a file named after it, and all of them as {@code inputs.pb} and {@code inputs.json}, in the input
 * directory; after it, each output read from its file in the output directory into a LiteralMap. Here the two
 * directories are local folders that replace {@code input_path} and {@code output_path} in the command (the local
 * process convention of the kernel's own runs, {@code FLYTE_JAVA_CONTAINER_CLI=none}). Primitive values only.
 */
final class Copilot {
  private static final Pattern INPUT = Pattern.compile("\\{\\{\\s*\\.inputs\\.(\\w+)\\s*}}", Pattern.CASE_INSENSITIVE);

  private final TaskTemplate task;
  private final DataLoadingConfig config;
  private final Path inputs;
  private final Path outputs;

  Copilot(TaskTemplate task, Path workDirectory) throws IOException {
    this.task = task;
    this.config = task.getContainer().getDataConfig();
    this.inputs = Files.createDirectories(workDirectory.resolve("inputs"));
    this.outputs = Files.createDirectories(workDirectory.resolve("outputs"));
  }

  static boolean handles(TaskTemplate task) {
    return task.hasContainer() && task.getContainer().getDataConfig().getEnabled();
  }

  /** Writes the input files; the argument with its {@code {{.inputs.NAME}}} and data paths filled in. */
  Map<String, String> download(LiteralMap values) throws IOException {
    Map<String, String> text = new LinkedHashMap<>();
    Map<String, Object> json = new TreeMap<>(); // by name: the same inputs give the same file
    for (Map.Entry<String, Literal> e : values.getLiteralsMap().entrySet()) {
      Primitive p = primitive(e.getKey(), e.getValue());
      text.put(e.getKey(), format(p));
      json.put(e.getKey(), value(p));
      Files.writeString(inputs.resolve(e.getKey()), text.get(e.getKey()), StandardCharsets.UTF_8);
    }
    Files.write(inputs.resolve("inputs.pb"), values.toByteArray());
    Files.write(inputs.resolve("inputs.json"), new ObjectMapper().writeValueAsBytes(json));
    return text;
  }

  String argument(String arg, Map<String, String> inputText) {
    Matcher m = INPUT.matcher(arg);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String v = inputText.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(v != null ? v : m.group()));
    }
    m.appendTail(out);
    String a = out.toString();
    if (!config.getInputPath().isEmpty()) {
      a = a.replace(config.getInputPath(), inputs.toString());
    }
    if (!config.getOutputPath().isEmpty()) {
      a = a.replace(config.getOutputPath(), outputs.toString());
    }
    return a;
  }

  /** The outputs the command wrote, by the task's interface; IllegalArgumentException naming a missing or bad one. */
  LiteralMap upload() throws IOException {
    LiteralMap.Builder out = LiteralMap.newBuilder();
    for (Map.Entry<String, Variable> e : task.getInterface().getOutputs().getVariablesMap().entrySet()) {
      String name = e.getKey();
      Path file = outputs.resolve(name);
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("task " + task.getId().getName() + " wrote no output file "
            + config.getOutputPath() + "/" + name);
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      out.putLiterals(name, Literal.newBuilder().setScalar(Scalar.newBuilder()
          .setPrimitive(parse(name, e.getValue().getType().getSimple(), text))).build());
    }
    return out.build();
  }

  private Primitive primitive(String name, Literal l) {
    if (!l.getScalar().hasPrimitive()) {
      throw new IllegalArgumentException("task " + task.getId().getName() + ": input " + name
          + " is not a primitive; the testkit's copilot passes primitives only");
    }
    return l.getScalar().getPrimitive();
  }

  private static String format(Primitive p) {
    return switch (p.getValueCase()) {
      case INTEGER -> Long.toString(p.getInteger());
      case FLOAT_VALUE -> Double.isFinite(p.getFloatValue())
          ? BigDecimal.valueOf(p.getFloatValue()).stripTrailingZeros().toPlainString()
          : Double.toString(p.getFloatValue());
      case BOOLEAN -> Boolean.toString(p.getBoolean());
      case STRING_VALUE -> p.getStringValue();
      default -> throw new IllegalArgumentException("the testkit's copilot has no file form for a " + p.getValueCase());
    };
  }

  private static Object value(Primitive p) {
    return switch (p.getValueCase()) {
      case INTEGER -> p.getInteger();
      case FLOAT_VALUE -> p.getFloatValue();
      case BOOLEAN -> p.getBoolean();
      default -> p.getStringValue();
    };
  }

  private Primitive parse(String name, SimpleType type, String text) {
    String t = text.strip();
    try {
      switch (type) {
        case INTEGER:
          return Primitive.newBuilder().setInteger(Long.parseLong(t)).build();
        case FLOAT:
          return Primitive.newBuilder().setFloatValue(Double.parseDouble(t)).build();
        case BOOLEAN:
          if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return Primitive.newBuilder().setBoolean(Boolean.parseBoolean(t.toLowerCase(Locale.ROOT))).build();
          }
          break;
        case STRING:
          return Primitive.newBuilder().setStringValue(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text)
              .build();
        default:
          throw new IllegalArgumentException("task " + task.getId().getName() + ": output " + name + " is a " + type
              + "; the testkit's copilot reads primitives only");
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("task " + task.getId().getName() + ": output " + name + " holds ["
        + (t.length() > 80 ? t.substring(0, 77) + "..." : t) + "], which is not a " + type);
  }
}
