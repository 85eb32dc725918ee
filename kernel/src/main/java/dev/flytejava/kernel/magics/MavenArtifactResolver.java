package dev.flytejava.kernel.magics;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import eu.maveniverse.maven.mima.context.Context;
import eu.maveniverse.maven.mima.context.ContextOverrides;
import eu.maveniverse.maven.mima.context.Runtime;
import eu.maveniverse.maven.mima.context.Runtimes;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;

/**
 * Resolves Maven artifacts (and by default their transitive dependencies) to local jar files with MIMA,
 * which reads the user's {@code ~/.m2/settings.xml} (mirrors, proxies, servers, active profiles, offline)
 * and uses the local repository it names. Each call opens and closes its own resolver context, so edits to
 * the settings take effect on the next {@code %maven}.
 */
public final class MavenArtifactResolver {

    /** Which class path the dependencies are resolved for, as in a POM. */
    public enum Scope {
        COMPILE(JavaScopes.COMPILE), RUNTIME(JavaScopes.RUNTIME);

        private final String mavenScope;

        Scope(String mavenScope) {
            this.mavenScope = mavenScope;
        }

        @Override
        public String toString() {
            return mavenScope;
        }
    }

    /** An extra remote repository: an id (matched against {@code <server>} credentials) and its URL. */
    public record Repository(String id, URI url) {
        public Repository {
            if (id == null || id.isBlank()) throw new IllegalArgumentException("repository id is blank");
            if (url == null || url.getScheme() == null) {
                throw new IllegalArgumentException("Bad repository URL [" + url + "]: expected an absolute URL");
            }
        }

        /**
         * Parses {@code URL} or {@code ID=URL}; without an id, one is made from the host.
         *
         * @throws IllegalArgumentException naming the text and the expected form
         */
        public static Repository parse(String text) {
            int eq = text.indexOf('=');
            int scheme = text.indexOf("://");
            boolean hasId = eq > 0 && (scheme < 0 || eq < scheme);
            String url = hasId ? text.substring(eq + 1) : text;
            URI uri;
            try {
                uri = URI.create(url.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Bad repository [" + text + "]: expected URL or ID=URL", e);
            }
            if (uri.getScheme() == null) {
                throw new IllegalArgumentException("Bad repository [" + text + "]: expected URL or ID=URL with an "
                        + "absolute URL such as https://repo.example.com/maven2");
            }
            String id = hasId ? text.substring(0, eq).strip()
                    : (uri.getHost() == null ? uri.getScheme() : uri.getHost()).replaceAll("[^A-Za-z0-9._-]", "-");
            return new Repository(id, uri);
        }
    }

    /** What to resolve. */
    public record Request(List<MavenCoordinate> coordinates, List<Repository> repositories, Scope scope,
                          boolean transitive) {
        public Request {
            coordinates = List.copyOf(coordinates);
            repositories = List.copyOf(repositories);
            if (coordinates.isEmpty()) throw new IllegalArgumentException("no Maven coordinates to resolve");
        }
    }

    /** A resolved artifact and its local file. */
    public record ResolvedArtifact(String coordinate, Path file) {
    }

    private final Optional<Path> localRepository;

    /** Uses the local repository the user's settings name (by default {@code ~/.m2/repository}). */
    public MavenArtifactResolver() {
        this(Optional.empty());
    }

    /** Uses {@code localRepository} instead of the one in the user's settings (tests, isolated sessions). */
    public MavenArtifactResolver(Optional<Path> localRepository) {
        this.localRepository = localRepository;
    }

    /**
     * Resolves the request's artifacts, in class path order (requested artifacts first, then their
     * dependencies breadth first, conflicts mediated across all of them as Maven does).
     *
     * @throws MagicException naming the artifact that was not found and the repositories tried
     */
    public List<ResolvedArtifact> resolve(Request request) {
        try (Context context = runtime().create(overrides())) {
            RepositorySystem system = context.repositorySystem();
            RepositorySystemSession session = context.repositorySystemSession();
            List<RemoteRepository> repositories = new ArrayList<>(context.remoteRepositories());
            repositories.addAll(system.newResolutionRepositories(session, request.repositories().stream()
                    .map(r -> new RemoteRepository.Builder(r.id(), "default", r.url().toString()).build())
                    .toList()));
            List<ArtifactResult> results = request.transitive()
                    ? resolveWithDependencies(system, session, repositories, request)
                    : resolveAlone(system, session, repositories, request);
            return results.stream()
                    .map(r -> new ResolvedArtifact(r.getArtifact().toString(), r.getArtifact().getFile().toPath()))
                    .toList();
        }
    }

    private static List<ArtifactResult> resolveWithDependencies(RepositorySystem system,
            RepositorySystemSession session, List<RemoteRepository> repositories, Request request) {
        String scope = request.scope().toString();
        CollectRequest collect = new CollectRequest();
        request.coordinates().forEach(c -> collect.addDependency(new Dependency(artifact(c), scope)));
        collect.setRepositories(repositories);
        try {
            return system.resolveDependencies(session,
                    new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(scope))).getArtifactResults();
        } catch (DependencyResolutionException e) {
            throw failure(request, repositories, e);
        }
    }

    private static List<ArtifactResult> resolveAlone(RepositorySystem system, RepositorySystemSession session,
            List<RemoteRepository> repositories, Request request) {
        List<ArtifactRequest> requests = request.coordinates().stream()
                .map(c -> new ArtifactRequest(artifact(c), repositories, null)).toList();
        try {
            return system.resolveArtifacts(session, requests);
        } catch (ArtifactResolutionException e) {
            throw failure(request, repositories, e);
        }
    }

    private static MagicException failure(Request request, List<RemoteRepository> repositories, Exception e) {
        String tried = repositories.stream().map(r -> r.getId() + " (" + r.getUrl() + ")")
                .collect(Collectors.joining(", "));
        Set<String> missing = new LinkedHashSet<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            collectMissing(t, missing);
        }
        if (!missing.isEmpty()) {
            return new MagicException("Artifact not found: [" + String.join(", ", missing) + "] in repositories ["
                    + tried + "] while resolving " + request.coordinates() + " for [%maven]", e);
        }
        return new MagicException("Cannot resolve " + request.coordinates() + " from repositories [" + tried
                + "] for [%maven]: " + e.getMessage(), e);
    }

    private static void collectMissing(Throwable t, Set<String> missing) {
        if (t instanceof ArtifactNotFoundException notFound && notFound.getArtifact() != null) {
            missing.add(notFound.getArtifact().toString());
        }
        if (t instanceof ArtifactResolutionException resolution) {
            resolution.getResults().forEach(r -> r.getExceptions().forEach(x -> collectMissing(x, missing)));
        }
        if (t instanceof DependencyResolutionException dependencies && dependencies.getResult() != null) {
            dependencies.getResult().getCollectExceptions().forEach(x -> collectMissing(x, missing));
            dependencies.getResult().getArtifactResults()
                    .forEach(r -> r.getExceptions().forEach(x -> collectMissing(x, missing)));
        }
    }

    private static Artifact artifact(MavenCoordinate c) {
        return new DefaultArtifact(c.groupId(), c.artifactId(), c.classifier().orElse(""), c.extension(), c.version());
    }

    private ContextOverrides overrides() {
        ContextOverrides.Builder builder = ContextOverrides.create().withUserSettings(true);
        localRepository.ifPresent(builder::withLocalRepositoryOverride);
        return builder.build();
    }

    /** MIMA finds its runtime with the thread's context class loader; in a kernel that may be the session's. */
    private static Runtime runtime() {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(MavenArtifactResolver.class.getClassLoader());
        try {
            return Runtimes.INSTANCE.getRuntime();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
