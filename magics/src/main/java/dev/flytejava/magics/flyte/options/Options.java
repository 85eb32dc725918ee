package dev.flytejava.magics.flyte.options;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/** Runs picocli on a magic's argument words and turns its errors into an {@link OptionException}. */
final class Options {
    private Options() {}

    /** Fills the annotated {@code spec} object from {@code args}. */
    static <T> T parse(T spec, String magic, String args) {
        return parse(spec, magic, ArgTokenizer.split(args == null ? "" : args));
    }

    /** Fills the annotated {@code spec} object from words already split. */
    static <T> T parse(T spec, String magic, List<String> words) {
        CommandLine cli = commandLine(spec);
        try {
            cli.parseArgs(words.toArray(String[]::new));
        } catch (ParameterException e) {
            throw new OptionException(magic + " " + message(e) + "\n" + usage(spec).strip()); // picocli's text starts with "Usage: "
        }
        return spec;
    }

    static String usage(Object spec) {
        StringWriter out = new StringWriter();
        commandLine(spec).usage(new PrintWriter(out), Help.Ansi.OFF);
        return out.toString();
    }

    private static CommandLine commandLine(Object spec) {
        CommandLine cli = new CommandLine(spec);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    /** "--timeout: expected a duration like 30s, 5m or PT5M, got [abc]" when a converter failed. */
    private static String message(ParameterException e) {
        Throwable cause = e.getCause();
        if (e.getArgSpec() instanceof OptionSpec option && cause instanceof CommandLine.TypeConversionException) {
            return option.longestName() + ": " + cause.getMessage();
        }
        if (e.getArgSpec() instanceof OptionSpec option && e.getValue() != null && e.getMessage().startsWith("Invalid value")) {
            return option.longestName() + ": " + e.getMessage();
        }
        return e.getMessage();
    }
}
