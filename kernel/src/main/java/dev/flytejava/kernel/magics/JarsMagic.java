package dev.flytejava.kernel.magics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.flytejava.magics.LineMagic;
import dev.flytejava.magics.MagicContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code %jars GLOB...} adds the jars each glob matches (a directory means the jars directly in it).
 * A glob that matches no jar is an error naming it, and then nothing is added.
 */
public final class JarsMagic implements LineMagic {

    public static final String NAME = "jars";
    public static final String SUMMARY = "Adds the jars matching globs to the class path.";

    /** The globs to add, as typed. */
    record Request(List<String> globs) {
        Request {
            globs = List.copyOf(globs);
        }
    }

    @Command(name = "%jars", description = SUMMARY + " A directory adds the jars directly inside it.")
    static final class Options {
        @Parameters(paramLabel = "GLOB", arity = "1..*",
                description = "a jar, a directory or a glob such as lib/*.jar or ~/libs/**/*.jar")
        List<String> globs = new ArrayList<>();

        Request toRequest() {
            return new Request(globs);
        }
    }

    private final AddedClasspath classpath;

    public JarsMagic(AddedClasspath classpath) {
        this.classpath = classpath;
    }

    public static String usage() {
        return MagicArgs.usage(new Options());
    }

    @Override
    public Object eval(MagicContext context, String args) {
        Request request = MagicArgs.parse(new Options(), args).toRequest();
        List<Path> jars = new ArrayList<>();
        for (String glob : request.globs()) {
            List<Path> matches = jars(context.workingDirectory(), glob);
            if (matches.isEmpty()) {
                throw new MagicException("No jars match [" + glob + "] in [%jars] (relative to ["
                        + context.workingDirectory() + "])");
            }
            jars.addAll(matches);
        }
        ClasspathMagic.report(context, classpath.add(context, jars), jars.size());
        return null;
    }

    private static List<Path> jars(Path workingDirectory, String glob) {
        List<Path> jars = new ArrayList<>();
        for (Path candidate : PathGlobs.expand(workingDirectory, glob)) { // a plain path: itself, if it exists
            if (Files.isDirectory(candidate) && !PathGlobs.isGlob(glob)) {
                jars.addAll(PathGlobs.expand(candidate, "*.jar").stream().filter(Files::isRegularFile).toList());
            } else if (Files.isRegularFile(candidate) && candidate.getFileName().toString().endsWith(".jar")) {
                jars.add(candidate);
            }
        }
        return jars;
    }
}
