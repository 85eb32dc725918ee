package dev.flytejava.runtime.code;

import dev.flytejava.runtime.model.CodeHashes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The code a task runs: the snippets it uses, transitively, in the order they were declared; the bytes of the
 * classes they compiled to (by binary name); the jars those classes load from. What a task runs locally, its cache
 * key's code hash and what ships to a cluster are all taken from this one value, so they never disagree.
 *
 * <p>The {@link #hash} covers the snippets' sources (and captured values) in a canonical order and the jars'
 * digests, not the class bytes: those name JShell's wrapper classes, which depend on the cells run before. So the
 * same cells give the same hash in a fresh kernel, and cells outside the closure never change it.
 */
public record CodeClosure(List<CodeSnippet> snippets, SortedMap<String, byte[]> classes, List<CodeJar> jars, String hash) {

    /** Canonical order for the hash: by kind, name, signature, then source (declaration order is session history). */
    private static final Comparator<CodeSnippet> CANONICAL = Comparator.comparing(CodeSnippet::kind)
            .thenComparing(CodeSnippet::name).thenComparing(CodeSnippet::signature).thenComparing(CodeSnippet::source);

    public CodeClosure {
        snippets = List.copyOf(snippets);
        classes = Collections.unmodifiableSortedMap(new TreeMap<>(classes));
        jars = List.copyOf(jars);
        Objects.requireNonNull(hash, "hash");
    }

    /** A closure with its hash computed from its snippets and jars. */
    public static CodeClosure of(List<CodeSnippet> snippets, Map<String, byte[]> classes, List<CodeJar> jars) {
        return new CodeClosure(snippets, new TreeMap<>(classes), jars, hashOf(snippets, jars));
    }

    /** The snippets of one kind, in declaration order. */
    public List<CodeSnippet> snippets(CodeSnippet.Kind kind) {
        return snippets.stream().filter(s -> s.kind() == kind).toList();
    }

    static String hashOf(List<CodeSnippet> snippets, List<CodeJar> jars) {
        MessageDigest sha = CodeHashes.newSha256();
        update(sha, "flyte-java-closure/1");
        List<CodeSnippet> sorted = new ArrayList<>(snippets);
        sorted.sort(CANONICAL);
        for (CodeSnippet s : sorted) {
            update(sha, s.kind().name());
            update(sha, s.name());
            update(sha, s.signature());
            update(sha, s.source());
            update(sha, s.value() == null ? "\u0001" : s.value());
        }
        List<CodeJar> sortedJars = new ArrayList<>(jars);
        sortedJars.sort(Comparator.comparing(CodeJar::id).thenComparing(CodeJar::sha256));
        for (CodeJar j : sortedJars) {
            update(sha, j.id());
            update(sha, j.sha256());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void update(MessageDigest sha, String part) {
        sha.update(part.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    @Override
    public String toString() {
        return "CodeClosure[" + snippets.size() + " snippets, " + classes.size() + " classes, " + jars.size() + " jars, "
                + hash.substring(0, 12) + "]";
    }
}
