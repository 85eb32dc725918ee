package dev.flytejava.magics.flyte;

import dev.flytejava.magics.MagicContext;
import dev.flytejava.magics.flyte.Entity.DeclaredLaunchPlan;
import dev.flytejava.magics.flyte.Entity.DeclaredTask;
import dev.flytejava.magics.flyte.Entity.DeclaredWorkflow;
import dev.flytejava.runtime.exec.DiskCache;
import dev.flytejava.runtime.exec.LocalExecutor;
import dev.flytejava.runtime.model.FlyteTypes;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.TypedInterface;
import dev.flytejava.runtime.types.TypeEngine;
import dev.flytejava.runtime.types.TypeTransformer;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A notebook's Flyte state: the type engine, the declared tasks, workflows and launch plans, the local
 * executor with its on-disk cache, and the session-scoped {@link MagicContext} that runs started from
 * plain Java cells display through. The methods that {@code %%task} and {@code %%workflow} define in
 * JShell call {@link #call} through {@link FlyteNotebook#session()}.
 */
public final class FlyteSession implements AutoCloseable {
    /** Environment variable naming the cache directory (default {@code ~/.flyte-java/cache}). */
    public static final String CACHE_DIR_ENV = "FLYTE_JAVA_CACHE_DIR";

    private final MagicContext context;
    private final TypeEngine engine;
    private final DiskCache cache;
    private final LocalRuns runs;
    private final LocalExecutor executor;
    private final EntityRegistry entities = new EntityRegistry();
    private final TaskBinder binder;
    private final CurrentCode current;
    private final Set<Class<?>> cellTransformers = ConcurrentHashMap.newKeySet();
    private final Map<String, String> registrations = new ConcurrentHashMap<>();
    /** Method name -> parameter types of the methods the magics last defined under that name. */
    private final Map<String, Set<String>> definedMethods = new ConcurrentHashMap<>();
    /** Workflow name -> its last successful local run, which {@code %flyte export} turns into the exported test. */
    private final Map<String, LocalRun> lastRuns = new ConcurrentHashMap<>();

    /**
     * A workflow's inputs as given (defaults left out) and its outputs. The values are kept as they are, not copied as
     * literals, so a run costs nothing more; an export converts them when it writes them.
     */
    record LocalRun(Map<String, Object> inputs, Map<String, Object> outputs) {}

    private FlyteSession(MagicContext context, Path cacheDir) {
        this.context = context;
        this.engine = TypeEngine.createDefault(context.classLoader());
        this.cache = DiskCache.open(cacheDir);
        this.runs = new LocalRuns(context);
        this.executor = LocalExecutor.builder(engine).cache(cache).listener(runs).build();
        this.binder = new TaskBinder(context.code(), context.classLoader(), registrations);
        this.current = new CurrentCode(this, entities, context.code(), binder);
    }

    /** Starts the session: installs the bridge, then imports the Flyte names into the notebook. */
    public static FlyteSession start(MagicContext context, Path cacheDir) throws Exception {
        FlyteSession session = new FlyteSession(context, cacheDir);
        FlyteNotebook.install(session);
        try {
            context.eval(String.join("\n", SessionCode.IMPORTS));
        } catch (Exception e) {
            session.close();
            throw e;
        }
        return session;
    }

    /** The cache directory from {@value #CACHE_DIR_ENV}, else {@code ~/.flyte-java/cache}. */
    public static Path defaultCacheDir() {
        return defaultCacheDir(System.getenv());
    }

    /** As {@link #defaultCacheDir()} under {@code env} (a daemon serves commands run under other environments). */
    public static Path defaultCacheDir(java.util.Map<String, String> env) {
        String dir = env.get(CACHE_DIR_ENV);
        return dir == null || dir.isBlank() ? DiskCache.defaultDir() : Path.of(dir);
    }

    public TypeEngine typeEngine() {
        return engine;
    }

    /** The Flyte type of a Java type as text (e.g. {@code LIST<INTEGER>}), per this session's engine. */
    public String describe(Type javaType) {
        return FlyteTypes.describe(engine.literalTypeOf(javaType));
    }

    /**
     * Adds a transformer from a cell. Running the registering cell again replaces that cell's earlier
     * transformer for the same class; over a transformer from elsewhere the engine's rules apply.
     */
    public void registerTransformer(TypeTransformer<?> transformer) {
        if (cellTransformers.contains(transformer.type())) {
            engine.replace(transformer);
        } else {
            engine.register(transformer);
            cellTransformers.add(transformer.type());
        }
        String snippet = registeringSnippetClass();
        if (snippet != null) registrations.put(transformer.type().getName(), snippet);
    }

    /** The class of the cell snippet that calls in (JShell's wrapper classes are in package {@code REPL}), or null. */
    private static String registeringSnippetClass() {
        return StackWalker.getInstance().walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                .filter(n -> n.startsWith("REPL.$JShell$")).map(n -> n.replaceFirst("^(REPL\\.\\$JShell\\$\\d+[A-Z]*).*", "$1"))
                .findFirst().orElse(null));
    }

    /**
     * The snippets that registered cell transformers, by the binary name of the transformer's type: a task whose code
     * uses that type needs the registration too, in its cache key locally and in its shipped code remotely.
     */
    Map<String, String> registrations() {
        return registrations;
    }

    /**
     * Runs a declared entity with positional arguments and returns what its Java method returns. Tasks
     * run quietly; workflows and launch plans show one live display of their progress.
     */
    public Object call(String name, Object[] args) {
        Entity entity = current.find(name).orElseThrow(() -> entities.unknown(name, ""));
        Task task = Entity.taskOf(entity);
        if (task != null) return executor.call(task, args);
        // a launch plan derives its interface on each call: take it once
        TypedInterface iface = entity.iface();
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) inputs.put(iface.inputs().get(i).name(), args[i]);
        return iface.javaResult(run(entity, inputs));
    }

    /**
     * Runs a declared entity with the given inputs by name (the others take their defaults) and returns what its Java
     * method returns; the methods of a launch plan call this.
     */
    public Object callByName(String name, String[] inputNames, Object[] args) {
        Entity entity = current.find(name).orElseThrow(() -> entities.unknown(name, ""));
        Map<String, Object> inputs = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) inputs.put(inputNames[i], args[i]);
        return entity.iface().javaResult(run(entity, inputs));
    }

    /** Runs any entity by named inputs with the live display; returns its outputs by name. */
    Map<String, Object> run(Entity declared, Map<String, Object> inputs) {
        Entity entity = current.current(declared);
        if (entity instanceof DeclaredWorkflow w) {
            Map<String, Object> outputs = runs.run(executor, w.workflow(), inputs, w.dag());
            lastRuns.put(w.name(), new LocalRun(new LinkedHashMap<>(inputs), outputs));
            return outputs;
        }
        if (entity instanceof DeclaredLaunchPlan lp) {
            return runs.run(executor, lp.plan(), inputs, lp.dag());
        }
        return runs.run(executor, Entity.taskOf(entity), inputs);
    }

    /** The last successful local run of each workflow, by name. */
    Map<String, LocalRun> lastRuns() {
        return lastRuns;
    }

    MagicContext context() {
        return context;
    }

    Map<String, Set<String>> definedMethods() {
        return definedMethods;
    }

    /** The declarations, as their cells made them. */
    EntityRegistry entities() {
        return entities;
    }

    /** The declarations on the current code: what runs, wires and ships. */
    CurrentCode current() {
        return current;
    }

    TaskBinder binder() {
        return binder;
    }

    DiskCache cache() {
        return cache;
    }

    @Override
    public void close() {
        FlyteNotebook.uninstall(this);
        executor.close();
        runs.close();
    }
}
