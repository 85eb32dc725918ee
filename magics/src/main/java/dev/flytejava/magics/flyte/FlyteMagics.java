package dev.flytejava.magics.flyte;

import dev.flytejava.magics.MagicContext;
import dev.flytejava.magics.display.Displayable;
import dev.flytejava.magics.flyte.Entity.DeclaredLaunchPlan;
import dev.flytejava.magics.flyte.Entity.DeclaredTask;
import dev.flytejava.magics.flyte.Entity.DeclaredWorkflow;
import dev.flytejava.magics.flyte.options.ArgTokenizer;
import dev.flytejava.magics.flyte.options.LaunchPlanOptions;
import dev.flytejava.magics.flyte.options.OptionException;
import dev.flytejava.magics.flyte.options.ExportOptions;
import dev.flytejava.magics.flyte.options.PackageOptions;
import dev.flytejava.magics.flyte.options.RunOptions;
import dev.flytejava.magics.flyte.options.SensorOptions;
import dev.flytejava.runtime.remote.FlyteConfig;
import dev.flytejava.runtime.remote.RegistrationPlan;
import dev.flytejava.runtime.idl.CompileOptions;
import dev.flytejava.runtime.packaging.PackageWriter;
import dev.flytejava.magics.flyte.render.DagSvg;
import dev.flytejava.magics.flyte.render.Stacked;
import dev.flytejava.magics.flyte.render.Table;
import dev.flytejava.magics.flyte.render.TaskCard;
import dev.flytejava.magics.code.CodeRoot;
import dev.flytejava.runtime.code.CodeClosure;
import dev.flytejava.runtime.model.TypedInterface;
import dev.flytejava.runtime.model.Workflow;
import dev.flytejava.runtime.model.Variable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Flyte magics of one notebook. The first of them to run (or {@link #start}) starts the
 * {@link FlyteSession} with the context it was given; every later one uses that session.
 */
public final class FlyteMagics {
    public static final String FLYTE_USAGE = String.join("\n",
            "%flyte run NAME [--INPUT VALUE]...   run a workflow, task or launch plan locally with live progress",
            "%flyte show NAME                     a task's card or a workflow's DAG, and the code it runs (its closure)",
            "%flyte tasks | workflows | launchplans   tables of what is declared",
            "%flyte launchplan NAME WF [--fixed k=v]... [--default k=v]... [--schedule CRON]",
            "%flyte cache [clear]                 the local cache directory; clear empties it",
            "%flyte package NAME [--output F.tgz] [--version V] [--image IMAGE]   a package flytectl registers",
            "%flyte export --to DIR [--package P] [--class NAME]   the notebook as a Maven project with a test",
            SensorOptions.USAGE,
            RemoteCommands.USAGE,
            "",
            RunOptions.USAGE);

    private final Path cacheDir;
    private FlyteSession session;
    private Declarations declarations;
    private PluginDeclarations plugins;
    private RemoteCommands remote;

    public FlyteMagics(Path cacheDir) {
        this.cacheDir = cacheDir;
    }

    /** Starts the session now (the kernel calls this when its session is ready). */
    public synchronized FlyteSession start(MagicContext context) throws Exception {
        if (session == null) {
            session = FlyteSession.start(context, cacheDir);
            declarations = new Declarations(session);
            plugins = new PluginDeclarations(session);
        }
        return session;
    }

    public Object task(MagicContext context, String args, String body) throws Exception {
        start(context);
        return declarations.declareTask(args, body);
    }

    public Object containerTask(MagicContext context, String args, String body) throws Exception {
        start(context);
        return plugins.containerTask(args, body);
    }

    public Object sqlTask(MagicContext context, String args, String body) throws Exception {
        start(context);
        return plugins.sqlTask(args, body);
    }

    public Object workflow(MagicContext context, String args, String body) throws Exception {
        start(context);
        return declarations.declareWorkflow(args, body);
    }

    /** {@code %%launchplan NAME WF [options]} with more options, one per body line. */
    public Object launchPlanCell(MagicContext context, String args, String body) throws Exception {
        start(context);
        StringBuilder all = new StringBuilder(args == null ? "" : args);
        for (String line : body.split("\n")) {
            if (!line.isBlank() && !line.strip().startsWith("//")) all.append(' ').append(line.strip());
        }
        return declarations.declareLaunchPlan(LaunchPlanOptions.parse("%%launchplan", all.toString()));
    }

    public Object flyte(MagicContext context, String args) throws Exception {
        start(context);
        List<String> words = ArgTokenizer.split(args == null ? "" : args);
        if (words.isEmpty()) throw new OptionException("%flyte needs a command\n" + FLYTE_USAGE);
        List<String> rest = words.subList(1, words.size());
        switch (words.get(0)) {
            case "run":
                if (rest.contains("--remote")) return remote().run(rest);
                return run(RunOptions.parse(rest));
            case "show":
                if (rest.size() != 1) throw new OptionException("%flyte show needs one name\n" + FLYTE_USAGE);
                return show(rest.get(0));
            case "tasks":
                return tasks();
            case "workflows":
                return workflows();
            case "launchplans":
                return launchPlans();
            case "launchplan":
                return declarations.declareLaunchPlan(LaunchPlanOptions.parse("%flyte launchplan", rest));
            case "cache":
                return cache(rest);
            case "package":
                return packageEntity(PackageOptions.parse(rest));
            case "export": {
                ExportOptions o = ExportOptions.parse(rest);
                Path dir = session.context().workingDirectory().resolve(o.to());
                return new ProjectExport(session).write(dir, o.javaPackage(), o.className(), o.notebook());
            }
            case "sensor":
                return plugins.sensor(rest);
            case "config":
                return remote().config(rest);
            case "register":
                return remote().register(rest);
            case "fetch":
                return remote().fetch(rest);
            case "reference":
                return remote().reference(rest, declarations);
            default:
                throw new OptionException("Unknown %flyte command [" + words.get(0) + "]\n" + FLYTE_USAGE);
        }
    }

    private RemoteCommands remote() {
        if (remote == null) remote = new RemoteCommands(session, System.getenv());
        return remote;
    }

    private Object run(RunOptions options) {
        Entity entity = session.current().find(options.entity()).orElseThrow(() -> session.entities().unknown(options.entity(), "in %flyte run"));
        session.run(entity, RunInputs.of(entity, options));
        return null;
    }

    /** The card of the entity a session method runs ({@code addOne} for task addOne), for inspect requests. */
    public Optional<Displayable> describeMethod(String method) {
        FlyteSession current = session();
        if (current == null) return Optional.empty();
        for (Entity e : current.entities().all(Entity.class)) {
            if (e.method().equals(method)) {
                Map<String, String> shown = e instanceof DeclaredTask t ? Declarations.shown(t.options())
                        : e instanceof Entity.DeclaredPluginTask p ? p.shown()
                        : e instanceof DeclaredLaunchPlan lp ? Declarations.shown(lp.plan()) : Map.of();
                return Optional.of(new TaskCard(e.kind(), e.name(), vars(e.iface().inputs()), vars(e.iface().outputs()), shown));
            }
        }
        return Optional.empty();
    }

    private Object show(String name) {
        Entity e = session.current().find(name).orElseThrow(() -> session.entities().unknown(name, "in %flyte show"));
        Table code = ClosureTable.of(closureOf(e), e.kind() + " [" + e.name() + "]");
        if (e instanceof DeclaredWorkflow w) return new Stacked(List.of(new DagSvg(w.dag()), code));
        if (e instanceof DeclaredLaunchPlan lp) {
            TaskCard card = new TaskCard("launch plan", lp.name(), vars(lp.iface().inputs()), vars(lp.iface().outputs()),
                    Declarations.shown(lp.plan()));
            return new Stacked(List.of(card, new DagSvg(lp.dag()), code));
        }
        if (e instanceof Entity.DeclaredPluginTask p) {
            return new Stacked(List.of(new TaskCard("task", p.name(), vars(p.iface().inputs()), vars(p.iface().outputs()), p.shown()),
                    code));
        }
        DeclaredTask t = (DeclaredTask) e;
        TaskCard card = new TaskCard("task", t.name(), vars(t.iface().inputs()), vars(t.iface().outputs()), Declarations.shown(t.options()));
        return new Stacked(List.of(card, code));
    }

    /** The code an entity runs: a task's closure, or the union of the closures of every task a workflow runs. */
    CodeClosure closureOf(Entity e) {
        if (e instanceof DeclaredTask t) return t.closure();
        if (e instanceof Entity.DeclaredPluginTask) return session.context().code().closure(List.of()); // runs no notebook code
        Workflow wf = e instanceof DeclaredWorkflow w ? w.workflow() : ((DeclaredLaunchPlan) e).plan().workflow();
        List<CodeRoot> roots = new ArrayList<>();
        for (dev.flytejava.runtime.model.Task task : Workflows.tasks(wf)) {
            session.entities().find(task.name()).filter(DeclaredTask.class::isInstance).map(DeclaredTask.class::cast)
                    .ifPresent(t -> roots.addAll(TaskBinder.roots(t.signature(), t.options().decorators())));
        }
        return session.context().code().closure(roots);
    }

    private Table tasks() {
        List<List<String>> rows = new ArrayList<>();
        for (DeclaredTask t : session.entities().all(DeclaredTask.class)) {
            rows.add(List.of(t.name(), t.method() + "(...)", signature(t.iface()),
                    t.task().options().cached() ? t.task().options().cacheVersion() : "", String.valueOf(t.task().options().retries()),
                    String.join(",", t.options().decorators())));
        }
        for (Entity.DeclaredPluginTask p : session.entities().all(Entity.DeclaredPluginTask.class)) {
            rows.add(List.of(p.name(), p.method() + "(...)", signature(p.iface()),
                    p.task().options().cached() ? p.task().options().cacheVersion() : "", String.valueOf(p.task().options().retries()),
                    p.plugin()));
        }
        return new Table("Tasks", List.of("name", "method", "interface", "cache", "retries", "decorators"), rows);
    }

    private Table workflows() {
        List<List<String>> rows = new ArrayList<>();
        for (DeclaredWorkflow w : session.entities().all(DeclaredWorkflow.class)) {
            rows.add(List.of(w.name(), w.method() + "(...)", signature(w.iface()), String.valueOf(w.workflow().nodes().size())));
        }
        return new Table("Workflows", List.of("name", "method", "interface", "nodes"), rows);
    }

    private Table launchPlans() {
        List<List<String>> rows = new ArrayList<>();
        for (DeclaredLaunchPlan lp : session.entities().all(DeclaredLaunchPlan.class)) {
            rows.add(List.of(lp.name(), lp.plan().workflow().name(), lp.plan().fixedInputs().toString(),
                    lp.plan().defaultInputs().toString(), lp.plan().schedule() == null ? "" : lp.plan().schedule().expression()));
        }
        return new Table("Launch plans", List.of("name", "workflow", "fixed", "defaults", "schedule"), rows);
    }

    /** Writes the package and shows what is in it: each spec by file name, and the code. */
    private Table packageEntity(PackageOptions options) throws java.io.IOException {
        Entity e = session.entities().find(options.entity()).orElseThrow(() -> session.entities().unknown(options.entity(), "in %flyte package"));
        CompileOptions compile = CompileOptions.forPackage(System.getenv()).withVersion(options.version().orElse(null));
        if (options.image().isPresent()) compile = compile.withDefaultImage(options.image().get());
        Shipping.Shipped shipped = new Shipping(session).ship(e, compile);
        Path file = session.context().workingDirectory().resolve(options.output().orElse(e.name() + ".tgz"));
        List<String> names = PackageWriter.write(shipped.specs(), shipped.code(), file);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < shipped.specs().specs().size(); i++) {
            var spec = shipped.specs().specs().get(i);
            rows.add(List.of(names.get(i), spec.kind().name().toLowerCase().replace('_', ' '), spec.name()));
        }
        rows.add(List.of(shipped.code().fileName(), "code", shipped.tasks().size() + " tasks, " + shipped.closure().snippets().size()
                + " snippets, " + shipped.closure().jars().size() + " jars, " + shipped.code().tarGz().length + " bytes"));
        return new Table("Package " + file + " (version " + shipped.specs().version() + ")", List.of("file", "kind", "entity"), rows);
    }

    private Object cache(List<String> rest) throws java.io.IOException {
        Path dir = session.cache().dir();
        if (rest.isEmpty()) return "Local cache: " + dir;
        if (rest.size() == 1 && rest.get(0).equals("clear")) {
            if (java.nio.file.Files.isDirectory(dir)) org.apache.commons.io.FileUtils.cleanDirectory(dir.toFile());
            return "Cleared the local cache at " + dir;
        }
        throw new OptionException("%flyte cache takes nothing or [clear], got " + rest);
    }

    private List<TaskCard.Variable> vars(List<Variable> vars) {
        return vars.stream().map(v -> new TaskCard.Variable(v.name(), session.describe(v.type()))).toList();
    }

    private String signature(TypedInterface iface) {
        return TaskCard.signature(vars(iface.inputs()), vars(iface.outputs()));
    }

    /**
     * For tools that run a notebook headless ({@code flyte-java register}): what registering NAME creates, as
     * {@code %flyte register NAME [--version V] [--image IMAGE]} would (null options for the defaults).
     */
    public synchronized RegistrationPlan registrationPlan(String name, String version, String image) {
        return remote().plan(name, version, image);
    }

    /** The config a {@code %flyte config} cell set in this session, if one did. */
    public synchronized Optional<FlyteConfig> configSetByCells() {
        return remote == null ? Optional.empty() : remote.configSet();
    }

    /** The running session, if started. */
    public synchronized FlyteSession session() {
        return session;
    }

    public synchronized void close() {
        if (session != null) session.close();
        session = null;
        remote = null;
    }
}
