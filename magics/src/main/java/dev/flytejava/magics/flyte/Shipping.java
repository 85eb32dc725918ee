package dev.flytejava.magics.flyte;

import dev.flytejava.magics.code.CodeRoot;
import dev.flytejava.magics.flyte.Entity.DeclaredLaunchPlan;
import dev.flytejava.magics.flyte.Entity.DeclaredTask;
import dev.flytejava.magics.flyte.Entity.DeclaredWorkflow;
import dev.flytejava.runtime.code.CodeArchive;
import dev.flytejava.runtime.code.CodeClosure;
import dev.flytejava.runtime.code.CodeManifest;
import dev.flytejava.runtime.code.CodeSnippet;
import dev.flytejava.runtime.idl.CompileOptions;
import dev.flytejava.runtime.idl.CompiledEntities;
import dev.flytejava.runtime.idl.EntitySet;
import dev.flytejava.runtime.idl.IdlCompiler;
import dev.flytejava.runtime.model.BuiltinTasks;
import dev.flytejava.runtime.model.ReferenceTask;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.Workflow;
import dev.flytejava.runtime.packaging.ShippedCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a declared entity ships: the code of every task it runs (one closure over all of them, so what they share
 * ships once) as the {@link CodeArchive}'s files, and its compiled specs. {@code %flyte package} writes both as a
 * package; registration uploads the code and creates the specs.
 */
final class Shipping {
    private final FlyteSession session;

    Shipping(FlyteSession session) {
        this.session = session;
    }

    /** The current entity's specs and code, ready to package. */
    record Shipped(Entity entity, CompiledEntities specs, ShippedCode code, CodeClosure closure, List<String> tasks) {}

    Shipped ship(Entity declared, CompileOptions options) {
        return ship(declared, options, false);
    }

    /**
     * With {@code versionPerEntity} (registration), each entity gets a version of its own, a task's from its own
     * closure, so an edit re-versions only the tasks it reaches and what runs them; a package keeps pyflyte's one
     * version for all.
     */
    Shipped ship(Entity declared, CompileOptions options, boolean versionPerEntity) {
        Entity entity = session.current().current(declared);
        Map<String, DeclaredTask> tasks = tasksOf(entity);
        List<CodeRoot> roots = new ArrayList<>();
        tasks.values().forEach(t -> roots.addAll(TaskBinder.roots(t.signature(), t.options().decorators())));
        CodeClosure closure = session.binder().closure(roots);
        List<CodeManifest.TaskEntry> entries = new ArrayList<>();
        for (DeclaredTask t : tasks.values()) entries.add(entry(t, closure));
        ShippedCode code = ShippedCode.of(CodeArchive.files(closure, entries));
        Object runtime = Entity.taskOf(entity) != null ? Entity.taskOf(entity)
                : entity instanceof DeclaredWorkflow w ? w.workflow() : ((DeclaredLaunchPlan) entity).plan();
        IdlCompiler compiler = new IdlCompiler(session.typeEngine());
        Map<String, String> taskDigests = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            DeclaredTask t = List.copyOf(tasks.values()).get(i);
            taskDigests.put(t.name(), t.closure().hash() + " " + entries.get(i));
        }
        CompiledEntities specs = versionPerEntity
                ? compiler.compilePerEntity(EntitySet.of(runtime), options, code.digest(), taskDigests)
                : compiler.compile(EntitySet.of(runtime), options, code.digest());
        return new Shipped(entity, specs, code, closure, List.copyOf(tasks.keySet()));
    }

    /** The declared tasks an entity runs, by name, current. */
    private Map<String, DeclaredTask> tasksOf(Entity entity) {
        Map<String, DeclaredTask> out = new LinkedHashMap<>();
        Task own = Entity.taskOf(entity);
        List<Task> tasks = own != null ? List.of(own)
                : Workflows.tasks(entity instanceof DeclaredWorkflow w ? w.workflow() : ((DeclaredLaunchPlan) entity).plan().workflow());
        for (Task task : tasks) {
            if (BuiltinTasks.isBuiltin(task.name())) continue; // the runtime's own (identity arms), in every image
            Entity e = session.current().find(task.name()).orElseThrow(() -> new IllegalStateException(
                    "Task [" + task.name() + "] is run by " + entity.kind() + " [" + entity.name() + "] but is not declared"));
            if (e instanceof Entity.DeclaredPluginTask) continue; // a plugin's task type: it ships no code
            if (!(e instanceof DeclaredTask d)) throw new IllegalStateException("[" + task.name() + "] is a " + e.kind() + ", not a task");
            if (task.body() instanceof ReferenceTask) continue; // registered elsewhere, with its own code
            out.put(task.name(), d);
        }
        return out;
    }

    private static CodeManifest.TaskEntry entry(DeclaredTask t, CodeClosure closure) {
        String hidden = SessionCode.hiddenName(t.signature().name());
        String className = closure.snippets(CodeSnippet.Kind.METHOD).stream()
                .filter(s -> s.name().equals(hidden) && s.signature().equals(SessionCode.parameterTypes(t.signature())))
                .findFirst().map(CodeSnippet::className)
                .orElseThrow(() -> new IllegalStateException("The code of task [" + t.name() + "] is not in its closure"));
        return new CodeManifest.TaskEntry(t.name(), className, hidden, t.signature().parameterNames(), t.options().decorators());
    }

    /** The workflow an entity runs, or null for a task. */
    static Workflow workflowOf(Entity e) {
        return e instanceof DeclaredWorkflow w ? w.workflow() : e instanceof DeclaredLaunchPlan lp ? lp.plan().workflow() : null;
    }
}
