package dev.flytejava.runtime.plugins;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code {{.inputs.NAME}}} references, spelled as FlytePropeller's templating and flytekit's SQL tasks accept them. */
final class Templates {
  private Templates() {}

  /** Case-insensitive, spaces allowed inside the braces: {@code {{ .inputs.minAge }}}. */
  static final Pattern INPUT = Pattern.compile("\\{\\{\\s*\\.inputs\\.(\\w+)\\s*}}", Pattern.CASE_INSENSITIVE);

  static List<String> inputNames(String text) {
    List<String> names = new ArrayList<>();
    Matcher m = INPUT.matcher(text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** {@code text} with each reference replaced by what {@code replacement} gives for its input name. */
  static String replace(String text, Function<String, String> replacement) {
    Matcher m = INPUT.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(replacement.apply(m.group(1))));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Each input's value as propeller writes a primitive into a command (and copilot into an input file). */
  static String replaceValues(String text, Map<String, Object> values) {
    return replace(text, name -> ContainerFiles.format(values.get(name)));
  }
}
