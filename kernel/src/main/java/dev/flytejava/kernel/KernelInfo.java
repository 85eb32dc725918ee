package dev.flytejava.kernel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code kernel_info_reply} content: who this kernel is and the language it speaks. */
public final class KernelInfo {

    static final String IMPLEMENTATION = "flyte-java";
    public static final String VERSION = "0.1.0";

    private KernelInfo() {
    }

    static Map<String, Object> content() {
        Map<String, Object> language = new LinkedHashMap<>();
        language.put("name", "java");
        language.put("version", Runtime.version().toString()); // the JDK this kernel runs on
        language.put("mimetype", "text/x-java-source");
        language.put("file_extension", ".jshell");
        language.put("pygments_lexer", "java");
        language.put("codemirror_mode", "java");
        language.put("nbconvert_exporter", "script");

        Map<String, Object> content = new LinkedHashMap<>();
        content.put("status", "ok");
        content.put("protocol_version", "5.3");
        content.put("implementation", IMPLEMENTATION);
        content.put("implementation_version", VERSION);
        content.put("language_info", language);
        content.put("banner", "Java " + Runtime.version() + " (JShell) with Flyte magics -- flyte-java " + VERSION);
        content.put("debugger", false);
        content.put("help_links", List.of(
                Map.of("text", "Java API", "url", "https://docs.oracle.com/en/java/javase/" + Runtime.version().feature() + "/docs/api/"),
                Map.of("text", "Flyte", "url", "https://docs.flyte.org/")));
        return content;
    }
}
