package dev.flytejava.kernel.magics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.flytejava.magics.LineMagic;
import dev.flytejava.magics.MagicContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code %load FILE}: evaluates a {@code .jshell} or {@code .java} file in the session as if its content
 * were a cell; declarations persist and the value of a final expression is the result.
 */
public final class LoadMagic implements LineMagic {

    public static final String NAME = "load";
    public static final String SUMMARY = "Evaluates a .jshell or .java file in the session, as a cell.";

    /** The file to load, as typed. */
    record Request(String file) {
    }

    @Command(name = "%load", description = SUMMARY)
    static final class Options {
        @Parameters(paramLabel = "FILE", arity = "1",
                description = "the file to evaluate, relative to the notebook's directory")
        String file;

        Request toRequest() {
            return new Request(file);
        }
    }

    public static String usage() {
        return MagicArgs.usage(new Options());
    }

    @Override
    public Object eval(MagicContext context, String args) throws Exception {
        Request request = MagicArgs.parse(new Options(), args).toRequest();
        Path file = PathGlobs.resolve(context.workingDirectory(), request.file());
        if (!Files.isRegularFile(file)) {
            throw new MagicException("File not found: [" + file + "] (from [" + request.file() + "]) in [%load]");
        }
        String source;
        try {
            source = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read [" + file + "] in [%load]", e);
        }
        return context.eval(source);
    }
}
