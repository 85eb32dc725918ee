package dev.flytejava.kernel.magics;

import java.util.List;
import java.util.stream.Collectors;

import dev.flytejava.magics.MagicWords;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Parses a magic's argument line with picocli. Each magic declares its options as a picocli
 * {@code @Command} class and turns the parsed object into a record right away, so no magic reads
 * options from a string map. The usage text picocli generates is what {@code %help} shows.
 */
public final class MagicArgs {

    private static final int USAGE_WIDTH = 100;

    private MagicArgs() {
    }

    /** A picocli command line configured the same way for every magic. */
    public static CommandLine commandLine(Object command) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setUsageHelpWidth(USAGE_WIDTH);
        return commandLine;
    }

    /**
     * Parses {@code args} into {@code command} (a fresh picocli {@code @Command} object) and returns it.
     *
     * @throws MagicArgumentException naming the bad option or value and the allowed form
     */
    public static <T> T parse(T command, String args) {
        parse(commandLine(command), args);
        return command;
    }

    /** Parses {@code args} with a prepared command line (for magics with subcommands). */
    public static ParseResult parse(CommandLine commandLine, String args) {
        List<String> words;
        try {
            words = split(args);
        } catch (IllegalArgumentException e) {
            throw new MagicArgumentException(commandName(commandLine), e.getMessage(), synopsis(commandLine));
        }
        try {
            return commandLine.parseArgs(words.toArray(String[]::new));
        } catch (ParameterException e) {
            CommandLine failed = e.getCommandLine() == null ? commandLine : e.getCommandLine();
            throw new MagicArgumentException(commandName(failed), problem(e), synopsis(failed));
        }
    }

    /** The full usage text of a command and its subcommands, as {@code %help} shows it. */
    public static String usage(Object command) {
        CommandLine commandLine = command instanceof CommandLine cl ? cl : commandLine(command);
        StringBuilder usage = new StringBuilder(commandLine.getUsageMessage(CommandLine.Help.Ansi.OFF));
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            usage.append('\n').append(sub.getUsageMessage(CommandLine.Help.Ansi.OFF));
        }
        return usage.toString().stripTrailing();
    }

    /** The one-line synopsis ("%maven [--repo=URL]... G:A:V..."), for error messages. */
    public static String synopsis(CommandLine commandLine) {
        return commandLine.getHelp().synopsis(0).strip();
    }

    /** The words of an argument line, by the rule all magics share ({@link MagicWords}). */
    public static List<String> split(String line) {
        return MagicWords.split(line);
    }

    private static String commandName(CommandLine commandLine) {
        StringBuilder name = new StringBuilder(commandLine.getCommandName());
        for (CommandLine parent = commandLine.getParent(); parent != null; parent = parent.getParent()) {
            name.insert(0, parent.getCommandName() + " ");
        }
        return name.toString();
    }

    private static String problem(ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            return (first.startsWith("-") ? "Unknown option [" : "Unexpected argument [") + first + "]";
        }
        if (e instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()) {
            return "Missing " + missing.getMissing().stream().map(MagicArgs::describe)
                    .collect(Collectors.joining(", "));
        }
        ArgSpec spec = e.getArgSpec();
        if (spec != null) {
            return "Bad value for " + describe(spec) + ": " + e.getMessage();
        }
        return e.getMessage();
    }

    private static String describe(ArgSpec spec) {
        if (spec instanceof OptionSpec option) {
            if (option.arity().max() == 0) return "option [" + option.longestName() + "]";
            return "option [" + option.longestName() + "=" + option.paramLabel() + "]";
        }
        return "parameter [" + spec.paramLabel() + "]";
    }
}
