package dev.flytejava.magics.code;

import dev.flytejava.runtime.code.ClassFileRefs;
import dev.flytejava.runtime.code.CodeClosure;
import dev.flytejava.runtime.code.CodeJar;
import dev.flytejava.runtime.code.CodeSnippet;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.VarSnippet;

/**
 * The session's code as closures see it: every active declaration snippet (imports, types, methods, variables)
 * with the class JShell compiled it to, the bytes of those classes, and the class path entries added by magics.
 *
 * <p>{@link #update} is called on the evaluating thread after each JShell evaluation with its events (a
 * redefinition recompiles the snippets that use it into new classes, and its events say so); it publishes an
 * immutable snapshot. {@link #closure} and the other readers work from that snapshot and may run on any thread: a
 * task's call happens while JShell is busy evaluating the cell that calls it, so they never call into JShell.
 */
public final class NotebookCode {

    /** JShell's wrapper classes, in internal form: {@code REPL/$JShell$12B} and nested ones like {@code ...$12B$Box}. */
    private static final Pattern WRAPPER = Pattern.compile("REPL/\\$JShell\\$\\d+[A-Z]*");

    /** Packages whose classes come with the JDK or the kernel itself: never from an added jar. */
    private static final List<String> PLATFORM = List.of("java/", "javax/", "jdk/", "sun/", "com/sun/", "dev/flytejava/");

    /** Variable types captured by value (their current value is part of the hash and ships with the code). */
    private static final Set<String> BY_VALUE = Set.of("boolean", "byte", "short", "int", "long", "float", "double", "char",
            "Boolean", "Byte", "Short", "Integer", "Long", "Float", "Double", "Character", "String",
            "java.lang.Boolean", "java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long", "java.lang.Float",
            "java.lang.Double", "java.lang.Character", "java.lang.String");

    /**
     * One active snippet: what the closure lists, its declaration order, and why it cannot run ({@code null} when it
     * can: JShell keeps a declaration that uses something undeclared as "recoverable", with a stub that throws).
     */
    private record Active(CodeSnippet snippet, long ordinal, String problem) {}

    /** An immutable view of the active snippets, published after each update. */
    private record Snapshot(long generation, List<Active> all, Map<String, Active> byClass, Map<String, Active> methods,
                            Map<String, Active> variables, List<Active> imports) {}

    /** A class path entry and the magic request it came with (entries of one {@code %maven} request ship together). */
    private record Entry(Path path, String coordinates, String request) {}

    private final Function<String, byte[]> classBytes;
    private final ClassLoader loader;
    private final Map<Snippet, Active> active = new IdentityHashMap<>();
    private final AtomicLong ordinals = new AtomicLong();
    private final AtomicLong generations = new AtomicLong();
    private final Map<CodeRoot, List<CodeRoot>> links = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Path, Entry> entries = new LinkedHashMap<>();
    private final Map<String, Optional<Entry>> providers = new java.util.concurrent.ConcurrentHashMap<>();
    private final JarDigests digests = new JarDigests();
    private volatile Snapshot snapshot = new Snapshot(0, List.of(), Map.of(), Map.of(), Map.of(), List.of());
    private volatile int cell;

    /**
     * @param classBytes the bytes of a class JShell defined, by binary name ({@code REPL.$JShell$12B}), or null
     * @param loader the session's class loader: it loads those classes and the added class path entries
     */
    public NotebookCode(Function<String, byte[]> classBytes, ClassLoader loader) {
        this.classBytes = classBytes;
        this.loader = loader;
    }

    /** The execution count of the cell that runs now: snippets it declares are listed as declared there. */
    public void beginCell(int executionCount) {
        cell = executionCount;
    }

    /** The execution count of the cell that runs now (0 before the first). */
    public int cell() {
        return cell;
    }

    /** Takes in one evaluation's events (or a drop's): new, updated, replaced and dropped snippets. */
    public synchronized void update(JShell shell, List<SnippetEvent> events) {
        if (events.isEmpty()) return;
        for (SnippetEvent event : events) {
            Snippet s = event.snippet();
            if (!tracked(s)) continue;
            if (shell.status(s).isActive()) {
                Active before = active.get(s);
                CodeSnippet info = describe(shell, s, before == null ? cell : before.snippet().cell());
                active.put(s, new Active(info, before == null ? ordinals.incrementAndGet() : before.ordinal(), problem(shell, s)));
            } else {
                active.remove(s);
            }
        }
        publish();
    }

    /** Class path entries added to the session (by {@code %classpath}, {@code %jars} or {@code %maven}). */
    public synchronized void classpathAdded(List<Path> paths) {
        for (Path p : paths) {
            Path normalized = p.toAbsolutePath().normalize();
            entries.putIfAbsent(normalized, new Entry(normalized, null, normalized.toString()));
        }
        providers.clear();
        publish();
    }

    /**
     * Says which Maven coordinates the entries of one {@code %maven} request were resolved from; a task that uses a
     * class from any of them ships all of them (the request's dependencies).
     */
    public synchronized void artifacts(String request, Map<Path, String> coordinates) {
        coordinates.forEach((p, c) -> {
            Path normalized = p.toAbsolutePath().normalize();
            entries.put(normalized, new Entry(normalized, c, request));
        });
        providers.clear();
        publish();
    }

    /** Says that whoever uses {@code from} also uses {@code to}: a task's visible method runs its hidden body. */
    public void link(CodeRoot from, List<CodeRoot> to) {
        links.put(from, List.copyOf(to));
        synchronized (this) {
            publish();
        }
    }

    /** Changes whenever the session's code may have: compare it to skip recomputing closures. */
    public long generation() {
        return snapshot.generation();
    }

    /** The class a method or variable is compiled to now, if it is active. */
    public Optional<String> className(CodeRoot root) {
        return Optional.ofNullable(find(snapshot, root)).map(a -> a.snippet().className());
    }

    /** Why a method or variable cannot run now (it uses something not declared), if it cannot. */
    public Optional<String> problem(CodeRoot root) {
        return Optional.ofNullable(find(snapshot, root)).map(Active::problem);
    }

    /** The current value of a session variable, read from its class (no evaluation: safe while a cell runs). */
    public Optional<Object> value(String variable) {
        Active a = snapshot.variables().get(variable);
        if (a == null || a.snippet().className() == null) return Optional.empty();
        try {
            Field f = loader.loadClass(a.snippet().className()).getField(variable);
            f.setAccessible(true); // JShell's wrapper classes are package-private
            return Optional.ofNullable(f.get(null));
        } catch (ReflectiveOperationException | LinkageError e) {
            return Optional.empty();
        }
    }

    /**
     * The closure of the given roots: the snippets they use, transitively, through the classes they compiled to
     * (and {@link #link}s); the imports those classes need; the jars they load from. A root that is not active is
     * left out (the caller checks {@link #className}).
     */
    public CodeClosure closure(Collection<CodeRoot> roots) {
        Snapshot snap = snapshot;
        Map<Long, Active> used = new TreeMap<>();
        Map<String, byte[]> classes = new LinkedHashMap<>();
        Set<String> external = new LinkedHashSet<>();
        Deque<Active> pending = new ArrayDeque<>();
        Deque<CodeRoot> rootQueue = new ArrayDeque<>(roots);
        Set<CodeRoot> seenRoots = new java.util.HashSet<>();
        while (!rootQueue.isEmpty() || !pending.isEmpty()) {
            if (pending.isEmpty()) {
                CodeRoot r = rootQueue.poll();
                if (!seenRoots.add(r)) continue;
                Active a = find(snap, r);
                if (a != null) pending.add(a);
                continue;
            }
            Active a = pending.poll();
            if (used.putIfAbsent(a.ordinal(), a) != null) continue;
            CodeSnippet s = a.snippet();
            if (s.kind() == CodeSnippet.Kind.METHOD) rootQueue.addAll(links.getOrDefault(CodeRoot.method(s.name(), s.signature()), List.of()));
            if (s.className() != null) visitClass(snap, s.className(), classes, external, pending);
        }
        for (Active imp : snap.imports()) {
            if (external.stream().anyMatch(ref -> provides(imp.snippet(), ref))) used.put(imp.ordinal(), imp);
        }
        List<CodeSnippet> snippets = new ArrayList<>();
        for (Active a : used.values()) snippets.add(withValue(a.snippet()));
        return CodeClosure.of(snippets, classes, jars(external));
    }

    /** Every active snippet in declaration order (for listings). */
    public List<CodeSnippet> snippets() {
        return snapshot.all().stream().map(Active::snippet).toList();
    }

    private void visitClass(Snapshot snap, String binaryName, Map<String, byte[]> classes, Set<String> external, Deque<Active> pending) {
        if (classes.containsKey(binaryName)) return;
        byte[] bytes = classBytes.apply(binaryName);
        if (bytes == null) return;
        classes.put(binaryName, bytes);
        for (String ref : ClassFileRefs.of(bytes)) {
            Matcher m = WRAPPER.matcher(ref);
            if (m.lookingAt()) {
                String outer = ref.substring(0, m.end()).replace('/', '.');
                Active owner = snap.byClass().get(outer);
                if (owner != null) pending.add(owner);
                visitClass(snap, outer, classes, external, pending);
                visitClass(snap, ref.replace('/', '.'), classes, external, pending);
            } else {
                external.add(ref);
            }
        }
    }

    /** Whether an import makes the class {@code ref} (internal name) known by a shorter name. */
    static boolean provides(CodeSnippet imp, String ref) {
        String full = imp.name();
        boolean onDemand = full.endsWith(".*");
        String target = (onDemand ? full.substring(0, full.length() - 2) : full).replace('.', '/');
        int slash = ref.lastIndexOf('/');
        String pkg = slash < 0 ? "" : ref.substring(0, slash);
        int dollar = ref.indexOf('$', slash + 1);
        String topLevel = dollar < 0 ? ref : ref.substring(0, dollar);
        boolean isStatic = imp.signature().equals("static");
        if (isStatic) {
            // import static a.B.m / a.B.*: the class a/B (or a nested class of it)
            String owner = onDemand ? target : target.substring(0, Math.max(0, target.lastIndexOf('/')));
            return ref.equals(owner) || ref.startsWith(owner + "$");
        }
        if (onDemand) return pkg.equals(target) || topLevel.equals(target);
        return topLevel.equals(target) || ref.equals(target);
    }

    private List<CodeJar> jars(Set<String> external) {
        Set<String> requests = new LinkedHashSet<>();
        Map<Path, Entry> entriesNow;
        synchronized (this) {
            entriesNow = new LinkedHashMap<>(entries);
        }
        if (entriesNow.isEmpty()) return List.of();
        for (String ref : external) {
            if (PLATFORM.stream().anyMatch(ref::startsWith)) continue;
            providers.computeIfAbsent(ref, r -> provider(r, entriesNow)).ifPresent(e -> requests.add(e.request()));
        }
        List<CodeJar> jars = new ArrayList<>();
        for (Entry e : entriesNow.values()) {
            if (requests.contains(e.request())) jars.add(new CodeJar(e.path(), e.coordinates(), digests.of(e.path())));
        }
        return jars;
    }

    /** The added entry the session loader finds a class in, if any (the kernel's own and the JDK's are not). */
    private Optional<Entry> provider(String internalName, Map<Path, Entry> entriesNow) {
        java.net.URL url = loader.getResource(internalName + ".class");
        if (url == null) return Optional.empty();
        Path location = JarDigests.location(url, internalName);
        if (location == null) return Optional.empty();
        return Optional.ofNullable(entriesNow.get(location.toAbsolutePath().normalize()));
    }

    private CodeSnippet withValue(CodeSnippet s) {
        if (s.kind() != CodeSnippet.Kind.VARIABLE || !BY_VALUE.contains(s.signature())) return s;
        Object v = value(s.name()).orElse(null);
        return new CodeSnippet(s.kind(), s.name(), s.signature(), s.source(), String.valueOf(v), s.className(), s.cell());
    }

    private static Active find(Snapshot snap, CodeRoot root) {
        return switch (root.kind()) {
            case METHOD -> snap.methods().get(root.name() + "(" + root.parameterTypes() + ")");
            case VARIABLE -> snap.variables().get(root.name());
            case CLASS -> snap.byClass().get(root.name());
        };
    }

    /** Declarations, and statements (only found as a {@link CodeRoot#compiledTo} root, e.g. a transformer's registration). */
    private static boolean tracked(Snippet s) {
        return s instanceof ImportSnippet || s instanceof TypeDeclSnippet || s instanceof MethodSnippet || s instanceof VarSnippet
                || s instanceof jdk.jshell.StatementSnippet || s instanceof jdk.jshell.ExpressionSnippet;
    }

    private static String problem(JShell shell, Snippet s) {
        if (shell.status(s) == Snippet.Status.VALID || !(s instanceof jdk.jshell.DeclarationSnippet d)) return null;
        List<String> missing = shell.unresolvedDependencies(d).toList();
        if (!missing.isEmpty()) {
            return "it uses " + String.join(", ", missing) + ", which " + (missing.size() == 1 ? "is" : "are") + " not declared now";
        }
        List<String> errors = shell.diagnostics(s).filter(jdk.jshell.Diag::isError)
                .map(diag -> diag.getMessage(java.util.Locale.ROOT).lines().findFirst().orElse("")).distinct().toList();
        return "its code does not compile with the current declarations" + (errors.isEmpty() ? "" : ": " + String.join("; ", errors));
    }

    private static CodeSnippet describe(JShell shell, Snippet s, int cell) {
        String className = s instanceof ImportSnippet ? null : shell.sourceCodeAnalysis().wrapper(s).fullClassName();
        if (s instanceof ImportSnippet i) {
            return new CodeSnippet(CodeSnippet.Kind.IMPORT, i.fullname(), i.isStatic() ? "static" : "", s.source(), null, null, cell);
        }
        if (s instanceof MethodSnippet m) {
            return new CodeSnippet(CodeSnippet.Kind.METHOD, m.name(), m.parameterTypes().replaceAll("\\s+", ""), s.source(), null, className, cell);
        }
        if (s instanceof VarSnippet v) {
            return new CodeSnippet(CodeSnippet.Kind.VARIABLE, v.name(), v.typeName(), s.source(), null, className, cell);
        }
        if (!(s instanceof TypeDeclSnippet)) {
            return new CodeSnippet(CodeSnippet.Kind.STATEMENT, "", "", s.source(), null, className, cell);
        }
        TypeDeclSnippet t = (TypeDeclSnippet) s;
        CodeSnippet.Kind kind = switch (t.subKind()) {
            case INTERFACE_SUBKIND -> CodeSnippet.Kind.INTERFACE;
            case ENUM_SUBKIND -> CodeSnippet.Kind.ENUM;
            case ANNOTATION_TYPE_SUBKIND -> CodeSnippet.Kind.ANNOTATION;
            default -> t.subKind().name().startsWith("RECORD") ? CodeSnippet.Kind.RECORD : CodeSnippet.Kind.CLASS;
        };
        return new CodeSnippet(kind, t.name(), "", s.source(), null, className, cell);
    }

    /** Rebuilds the snapshot from the active snippets (caller holds the lock). */
    private void publish() {
        List<Active> all = new ArrayList<>(active.values());
        all.sort(java.util.Comparator.comparingLong(Active::ordinal));
        Map<String, Active> byClass = new HashMap<>();
        Map<String, Active> methods = new HashMap<>();
        Map<String, Active> variables = new HashMap<>();
        List<Active> imports = new ArrayList<>();
        for (Active a : all) {
            CodeSnippet s = a.snippet();
            if (s.className() != null) byClass.put(s.className(), a);
            switch (s.kind()) {
                case METHOD -> methods.put(s.name() + "(" + s.signature() + ")", a);
                case VARIABLE -> variables.put(s.name(), a);
                case IMPORT -> imports.add(a);
                default -> { }
            }
        }
        snapshot = new Snapshot(generations.incrementAndGet(), List.copyOf(all), Map.copyOf(byClass), Map.copyOf(methods),
                Map.copyOf(variables), List.copyOf(imports));
    }
}
