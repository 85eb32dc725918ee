package dev.flytejava.magics.flyte;

import com.google.protobuf.TextFormat;
import dev.flytejava.magics.code.CodeRoot;
import dev.flytejava.magics.flyte.Entity.DeclaredLaunchPlan;
import dev.flytejava.magics.flyte.Entity.DeclaredPluginTask;
import dev.flytejava.magics.flyte.Entity.DeclaredTask;
import dev.flytejava.magics.flyte.Entity.DeclaredWorkflow;
import dev.flytejava.magics.flyte.export.ExportedTask;
import dev.flytejava.magics.flyte.export.NotebookSource;
import dev.flytejava.magics.flyte.export.ProjectFiles;
import dev.flytejava.magics.flyte.export.UnexportableException;
import dev.flytejava.magics.flyte.export.WorkflowSource;
import dev.flytejava.magics.flyte.export.WorkflowSource.ExportedWorkflow;
import dev.flytejava.magics.flyte.options.TaskOptions;
import dev.flytejava.magics.flyte.render.Table;
import dev.flytejava.runtime.code.CodeClosure;
import dev.flytejava.runtime.code.CodeJar;
import dev.flytejava.runtime.code.CodeSnippet;
import dev.flytejava.runtime.model.ReferenceTask;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.Variable;
import dev.flytejava.runtime.plugins.ContainerTask;
import dev.flytejava.runtime.types.TypeEngine;
import flyteidl.core.Literals.LiteralMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.io.file.PathUtils;

/**
 * {@code %flyte export}: the notebook as a standalone Maven project. Its code is the closure of every exported task
 * (what they would ship), its tasks and workflows are wired on the runtime API as the magics wired them, and each
 * workflow the notebook ran locally gets a test that runs it on the same inputs and expects the same outputs.
 */
final class ProjectExport {
    /** The first line of an exported pom: what says a folder holds an export that may be written over. */
    private static final String MARKER = "by flyte-java export";

    private final FlyteSession session;

    ProjectExport(FlyteSession session) {
        this.session = session;
    }

    Table write(Path dir, String pkg, String className, String notebook) throws IOException {
        if (!pkg.matches("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*")) throw new UnexportableException("--package [" + pkg + "] is not a Java package name");
        if (!className.matches("[A-Z][A-Za-z0-9_]*")) throw new UnexportableException("--class [" + className + "] is not a Java class name (e.g. Pipeline)");
        List<List<String>> rows = new ArrayList<>();
        List<ExportedTask> tasks = new ArrayList<>();
        List<CodeRoot> roots = new ArrayList<>();
        List<ExportedWorkflow> workflows = new ArrayList<>();
        for (Entity declared : session.entities().all(Entity.class)) {
            Entity e = session.current().current(declared);
            if (e instanceof DeclaredTask t && !(t.task().body() instanceof ReferenceTask)) {
                tasks.add(javaTask(t));
                roots.addAll(TaskBinder.roots(t.signature(), t.options().decorators()));
            } else if (e instanceof DeclaredPluginTask p && p.task().body() instanceof ContainerTask c) {
                tasks.add(containerTask(p.task(), c));
            } else if (e instanceof DeclaredWorkflow w) {
                workflows.add(new ExportedWorkflow(w.workflow(), w.options().decorators()));
                w.options().decorators().forEach(d -> roots.add(CodeRoot.variable(d)));
            } else {
                String why = e instanceof DeclaredLaunchPlan ? "launch plans are not exported yet"
                        : e instanceof DeclaredTask ? "a reference task runs only on a cluster"
                        : "a " + ((DeclaredPluginTask) e).plugin() + " task is not exported yet";
                rows.add(List.of(e.name(), e.kind() + " not exported: " + why));
            }
        }
        CodeClosure closure = session.binder().closure(roots);
        List<String> jars = new ArrayList<>();
        for (CodeJar jar : closure.jars()) {
            if (jar.coordinates() == null) {
                throw new UnexportableException("the jar [" + jar.path() + "] the tasks use was added by path, not with %maven: "
                        + "the exported pom has no coordinates to depend on");
            }
            jars.add(jar.coordinates());
        }
        String workflowsClass = className + "Workflows";
        // written in full before anything is touched on disk: an export that cannot be written changes nothing
        String notebookSource = NotebookSource.write(pkg, className, notebook,
                session.context().code().snippets().stream().filter(s -> s.kind() == CodeSnippet.Kind.IMPORT).toList(),
                closure.snippets());
        String workflowSource = new WorkflowSource(className).write(pkg, notebook, tasks, workflows);
        List<String> ran = new ArrayList<>();
        List<String[]> runFiles = new ArrayList<>();
        for (ExportedWorkflow w : workflows) {
            FlyteSession.LocalRun run = session.lastRuns().get(w.workflow().name());
            if (run == null) continue;
            ran.add(w.workflow().name());
            runFiles.add(new String[] {w.workflow().name() + ".inputs.txtpb", text(w.workflow().iface().inputs(), run.inputs())});
            runFiles.add(new String[] {w.workflow().name() + ".outputs.txtpb", text(w.workflow().iface().outputs(), run.outputs())});
        }

        prepare(dir);
        Path main = dir.resolve("src/main/java").resolve(pkg.replace('.', '/'));
        Path resources = dir.resolve("src/main/resources").resolve(pkg.replace('.', '/')).resolve("runs");
        Path test = dir.resolve("src/test/java").resolve(pkg.replace('.', '/'));
        String artifact = className.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
        write(dir.resolve("pom.xml"), ProjectFiles.pom(pkg, artifact, notebook, pkg + "." + workflowsClass, jars), rows, dir, "the build: runtime "
                + ProjectFiles.runtimeVersion() + (jars.isEmpty() ? "" : ", " + jars.size() + " jars from %maven"));
        write(main.resolve(className + ".java"), notebookSource, rows, dir, closure.snippets().size() + " snippets the tasks use");
        write(main.resolve(workflowsClass + ".java"), workflowSource, rows, dir, tasks.size() + " tasks, " + workflows.size()
                + " workflows, and a main that runs one");
        for (String[] f : runFiles) write(resources.resolve(f[0]), f[1], rows, dir, "literals of the notebook's run");
        if (!ran.isEmpty()) {
            write(test.resolve(workflowsClass + "Test.java"), ProjectFiles.test(pkg, workflowsClass, notebook, ran), rows, dir,
                    "checks " + String.join(", ", ran) + " against the notebook's outputs");
        }
        return new Table("Exported " + notebook + " to " + dir + ": build and test it with mvn -B package, then run a workflow with mvn -B -q exec:java"
                + " -Dexec.args=WORKFLOW", List.of("file or entity", "what"), rows);
    }

    /** An empty folder, or an earlier export (its sources are replaced): anything else is the user's and is left alone. */
    private static void prepare(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            boolean empty;
            try (var entries = Files.list(dir)) {
                empty = entries.findAny().isEmpty();
            }
            if (!empty) {
                Path pom = dir.resolve("pom.xml");
                if (!Files.isRegularFile(pom) || !Files.readString(pom).contains(MARKER)) {
                    throw new UnexportableException("--to [" + dir + "] is neither empty nor an earlier export: choose another folder");
                }
                if (Files.isDirectory(dir.resolve("src"))) PathUtils.deleteDirectory(dir.resolve("src"));
            }
        }
        Files.createDirectories(dir);
    }

    private static void write(Path file, String content, List<List<String>> rows, Path dir, String about) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        rows.add(List.of(dir.relativize(file).toString(), about));
    }

    private String text(List<Variable> variables, Map<String, Object> values) {
        TypeEngine engine = session.typeEngine();
        LiteralMap.Builder literals = LiteralMap.newBuilder();
        for (Variable v : variables) {
            if (values.containsKey(v.name())) literals.putLiterals(v.name(), engine.toLiteral(values.get(v.name()), v.type()));
        }
        return TextFormat.printer().printToString(literals.build());
    }

    private static ExportedTask javaTask(DeclaredTask t) {
        TaskOptions o = t.options();
        return new ExportedTask.JavaTask(t.name(), t.signature().name(), o.cacheVersion().orElse(null), o.retries(),
                o.timeout().orElse(null), o.image().orElse(null), o.requests(), o.limits(), o.env(), o.decorators(), o.sidecars());
    }

    private static ExportedTask containerTask(Task task, ContainerTask c) {
        var o = task.options();
        return new ExportedTask.ContainerTask(task.name(), c.command(), task.iface().inputs(), task.iface().outputs(), o.image(),
                o.requests(), o.limits(), o.env());
    }
}
