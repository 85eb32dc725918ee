package dev.flytejava.kernel.magics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.flytejava.magics.LineMagic;
import dev.flytejava.magics.MagicContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;

/**
 * {@code %classpath add PATH...} adds jars, class folders and globs of them to the session's class path;
 * {@code %classpath} lists what the magics added so far. Every path is checked before any is added.
 */
public final class ClasspathMagic implements LineMagic {

    public static final String NAME = "classpath";
    public static final String SUMMARY = "Adds jars and class folders to the class path, or lists what was added.";

    /** What {@code %classpath} was asked to do: list (no paths) or add the given paths. */
    record Request(List<String> pathsToAdd) {
        Request {
            pathsToAdd = List.copyOf(pathsToAdd);
        }

        boolean isList() {
            return pathsToAdd.isEmpty();
        }
    }

    @Command(name = "%classpath", description = SUMMARY + " Without a command, lists the added entries.",
            subcommands = AddCommand.class)
    static final class Options {
    }

    @Command(name = "add", description = "Adds jars, class folders and globs of them. Relative paths start at the "
            + "notebook's directory, ~ is home, ** crosses directories.")
    static final class AddCommand {
        @Parameters(paramLabel = "PATH", arity = "1..*", description = "a jar, a class folder or a glob such as lib/*.jar")
        List<String> paths = new ArrayList<>();
    }

    private final AddedClasspath classpath;

    public ClasspathMagic(AddedClasspath classpath) {
        this.classpath = classpath;
    }

    public static String usage() {
        return MagicArgs.usage(commandLine());
    }

    @Override
    public Object eval(MagicContext context, String args) {
        Request request = parse(args);
        if (request.isList()) {
            list(context);
        } else {
            add(context, request.pathsToAdd());
        }
        return null;
    }

    static Request parse(String args) {
        ParseResult result = MagicArgs.parse(commandLine(), args);
        if (!result.hasSubcommand()) return new Request(List.of());
        AddCommand add = result.subcommand().commandSpec().commandLine().getCommand();
        return new Request(add.paths);
    }

    private void list(MagicContext context) {
        List<Path> entries = classpath.entries();
        if (entries.isEmpty()) {
            context.out().println("No class path entries added yet (use %classpath add PATH, %jars GLOB or %maven G:A:V).");
            return;
        }
        context.out().println("Class path entries added (" + entries.size() + "):");
        entries.forEach(e -> context.out().println("  " + e));
    }

    private void add(MagicContext context, List<String> arguments) {
        List<Path> paths = new ArrayList<>();
        for (String argument : arguments) {
            if (PathGlobs.isGlob(argument)) {
                List<Path> matches = PathGlobs.expand(context.workingDirectory(), argument);
                if (matches.isEmpty()) {
                    throw new MagicException("No files match glob [" + argument + "] in [%classpath add] (relative to ["
                            + context.workingDirectory() + "])");
                }
                paths.addAll(matches);
            } else {
                Path path = PathGlobs.resolve(context.workingDirectory(), argument);
                if (!Files.exists(path)) {
                    throw new MagicException("Class path entry [" + argument + "] not found at [" + path
                            + "] in [%classpath add]");
                }
                paths.add(path);
            }
        }
        report(context, classpath.add(context, paths), paths.size());
    }

    /** Prints what was added, shared with {@code %jars}. */
    static void report(MagicContext context, List<Path> added, int requested) {
        context.out().println("Added " + added.size() + (added.size() == 1 ? " class path entry" : " class path entries")
                + (requested > added.size() ? " (" + (requested - added.size()) + " already added)" : "")
                + (added.isEmpty() ? "." : ":"));
        added.forEach(p -> context.out().println("  " + p));
    }

    private static CommandLine commandLine() {
        return MagicArgs.commandLine(new Options());
    }
}
