package dev.flytejava.kernel.magics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.flytejava.kernel.magics.MavenArtifactResolver.Repository;
import dev.flytejava.kernel.magics.MavenArtifactResolver.ResolvedArtifact;
import dev.flytejava.kernel.magics.MavenArtifactResolver.Scope;
import dev.flytejava.magics.LineMagic;
import dev.flytejava.magics.MagicContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code %maven G:A:V... [--repo URL] [--scope runtime] [--no-transitive]}: resolves artifacts and their
 * transitive dependencies from Maven repositories (the user's settings and local repository honoured)
 * and adds the jars to the session's class path.
 */
public final class MavenMagic implements LineMagic {

    public static final String NAME = "maven";
    public static final String SUMMARY = "Resolves Maven artifacts with their dependencies into the class path.";

    @Command(name = "%maven", description = {SUMMARY,
            "Uses ~/.m2/settings.xml (mirrors, proxies, credentials, profiles, offline) and its local repository."})
    static final class Options {
        @Parameters(paramLabel = "G:A:V", arity = "1..*",
                description = "coordinates " + MavenCoordinate.FORM + ", e.g. org.apache.commons:commons-lang3:3.17.0")
        List<String> coordinates = new ArrayList<>();

        @Option(names = "--repo", paramLabel = "[ID=]URL",
                description = "an extra remote repository, searched after those of the settings (repeatable)")
        List<String> repositories = new ArrayList<>();

        @Option(names = "--scope", paramLabel = "SCOPE", defaultValue = "runtime",
                description = "class path to resolve for: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
        Scope scope = Scope.RUNTIME;

        @Option(names = "--no-transitive", description = "add only the named artifacts, not their dependencies")
        boolean noTransitive;

        MavenArtifactResolver.Request toRequest() {
            List<MavenCoordinate> parsed = new ArrayList<>();
            for (String coordinate : coordinates) {
                try {
                    parsed.add(MavenCoordinate.parse(coordinate));
                } catch (IllegalArgumentException e) {
                    throw new MagicArgumentException("%maven", e.getMessage(), usageLine());
                }
            }
            List<Repository> repos = new ArrayList<>();
            for (String repository : repositories) {
                try {
                    repos.add(Repository.parse(repository));
                } catch (IllegalArgumentException e) {
                    throw new MagicArgumentException("%maven", "Bad value for option [--repo=[ID=]URL]: "
                            + e.getMessage(), usageLine());
                }
            }
            return new MavenArtifactResolver.Request(parsed, repos, scope, !noTransitive);
        }
    }

    private final AddedClasspath classpath;
    private final MavenArtifactResolver resolver;

    public MavenMagic(AddedClasspath classpath, MavenArtifactResolver resolver) {
        this.classpath = classpath;
        this.resolver = resolver;
    }

    public static String usage() {
        return MagicArgs.usage(new Options());
    }

    private static String usageLine() {
        return MagicArgs.synopsis(MagicArgs.commandLine(new Options()));
    }

    @Override
    public Object eval(MagicContext context, String args) {
        MavenArtifactResolver.Request request = MagicArgs.parse(new Options(), args).toRequest();
        List<ResolvedArtifact> artifacts = resolver.resolve(request);
        Set<Path> added = Set.copyOf(classpath.add(context, artifacts.stream().map(ResolvedArtifact::file).toList()));
        // tasks that use a class from these jars ship them by coordinates, all of one request together
        Map<Path, String> coordinates = new LinkedHashMap<>();
        artifacts.forEach(a -> coordinates.put(a.file(), a.coordinate()));
        context.code().artifacts("%maven " + args.strip(), coordinates);
        List<ResolvedArtifact> fresh = artifacts.stream().filter(a -> added.contains(a.file().toAbsolutePath().normalize()))
                .toList();
        int already = artifacts.size() - fresh.size();
        context.out().println("Added " + fresh.size() + (fresh.size() == 1 ? " artifact" : " artifacts")
                + " to the class path" + (already > 0 ? " (" + already + " already there)" : "")
                + (fresh.isEmpty() ? "." : ":"));
        fresh.forEach(a -> context.out().println("  " + a.coordinate()));
        return null;
    }
}
