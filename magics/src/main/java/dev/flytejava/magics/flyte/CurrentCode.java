package dev.flytejava.magics.flyte;

import dev.flytejava.magics.code.CodeRoot;
import dev.flytejava.magics.code.NotebookCode;
import dev.flytejava.magics.flyte.Entity.DeclaredLaunchPlan;
import dev.flytejava.magics.flyte.Entity.DeclaredTask;
import dev.flytejava.magics.flyte.Entity.DeclaredWorkflow;
import dev.flytejava.runtime.code.CodeClosure;
import dev.flytejava.runtime.code.CodeSnippet;
import dev.flytejava.runtime.model.BuiltinTasks;
import dev.flytejava.runtime.model.LaunchPlan;
import dev.flytejava.runtime.model.TaskDecorator;
import dev.flytejava.runtime.model.TypedInterface;
import dev.flytejava.runtime.model.Variable;
import dev.flytejava.runtime.model.Workflow;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the declared tasks, workflows and launch plans on the session's current code, as plain JShell code is:
 * after a cell redefines a method, record, class or variable in a task's closure, the task's next call runs the new
 * code with the new types and a new cache key, and workflows run the current versions of what they call. A change
 * that would alter what a declaration promised (a task's interface in Flyte types, a workflow's wiring) is an error
 * naming what changed and the cell to run again.
 *
 * <p>Versions are recomputed when the code or the declarations changed since the last look, and an entity whose code
 * did not change keeps its very objects, so a workflow is rewired only when something it calls is new.
 */
final class CurrentCode implements EntityLookup {
    private final FlyteSession session;
    private final EntityRegistry entities;
    private final NotebookCode code;
    private final TaskBinder binder;

    private long seenGeneration = -1;
    private long seenDeclarations = -1;
    /** Per entity name, for the current generation: the current entity or the error that says why there is none. */
    private final Map<String, Object> memo = new HashMap<>();
    /** Per entity name: the declaration that {@link #lastCurrent} was made from, and that current entity. */
    private final Map<String, Entity> lastDeclared = new HashMap<>();
    private final Map<String, Entity> lastCurrent = new HashMap<>();

    CurrentCode(FlyteSession session, EntityRegistry entities, NotebookCode code, TaskBinder binder) {
        this.session = session;
        this.entities = entities;
        this.code = code;
        this.binder = binder;
    }

    @Override
    public Optional<Entity> find(String name) {
        return entities.find(name).map(this::current);
    }

    @Override
    public UnknownEntityException unknown(String name, String where) {
        return entities.unknown(name, where);
    }

    /** The entity as the current code makes it; an error when the code no longer fits its declaration. */
    synchronized Entity current(Entity declared) {
        long generation = code.generation();
        long declarations = entities.version();
        if (generation != seenGeneration || declarations != seenDeclarations) {
            memo.clear();
            seenGeneration = generation;
            seenDeclarations = declarations;
        }
        if (declared instanceof Entity.DeclaredPluginTask) return declared; // runs no notebook code
        if (declared instanceof DeclaredLaunchPlan lp && dev.flytejava.runtime.model.ReferenceLaunchPlan.of(lp.plan()) != null) {
            return declared; // registered elsewhere: nothing here to rebind
        }
        String name = declared.name();
        Object known = memo.get(name);
        if (known instanceof RuntimeException e) throw e;
        if (known instanceof Entity e && lastDeclared.get(name) == declared) return e;
        Entity last = lastDeclared.get(name) == declared ? lastCurrent.get(name) : declared;
        try {
            Entity now = declared instanceof DeclaredTask t ? task(t, (DeclaredTask) last)
                    : declared instanceof DeclaredWorkflow w ? workflow((DeclaredWorkflow) last)
                    : launchPlan((DeclaredLaunchPlan) last);
            memo.put(name, now);
            lastDeclared.put(name, declared);
            lastCurrent.put(name, now);
            return now;
        } catch (RuntimeException e) {
            memo.put(name, e);
            throw e;
        }
    }

    private DeclaredTask task(DeclaredTask declared, DeclaredTask last) {
        String name = declared.name();
        CodeClosure closure = binder.closure(declared.signature(), declared.options());
        Optional<String> className = binder.className(declared.signature());
        if (className.isEmpty() || code.problem(TaskBinder.hiddenRoot(declared.signature())).isPresent()) {
            String problem = code.problem(TaskBinder.hiddenRoot(declared.signature())).orElse("its method is no longer defined");
            throw new IllegalStateException("Task [" + name + "] cannot run: " + problem + changedBy(last.closure(), closure)
                    + ". Fix that, or run the %%task cell of [" + name + "]" + cell(declared.cell()) + " again");
        }
        if (closure.hash().equals(last.closure().hash()) && className.get().equals(hiddenClass(last))
                && sameDecorators(last, declared)) {
            return last;
        }
        TaskBinder.Bound bound = binder.bind(name, declared.signature(), declared.options(), closure, className.get());
        FlyteInterface now;
        try {
            now = FlyteInterface.of(bound.task().iface(), session.typeEngine());
        } catch (RuntimeException e) {
            throw new IllegalStateException("Task [" + name + "] cannot run: " + e.getMessage() + changedBy(last.closure(), closure)
                    + ". Run the %%task cell of [" + name + "]" + cell(declared.cell()) + " again", e);
        }
        List<String> differences = declared.declared().differences(now);
        if (!differences.isEmpty()) {
            throw new IllegalStateException("Task [" + name + "] cannot run with the current code: "
                    + String.join("; ", differences) + changedBy(last.closure(), closure) + ". Run the %%task cell of [" + name
                    + "]" + cell(declared.cell()) + " again to declare it with the new types");
        }
        return declared.rebound(bound.task(), closure);
    }

    /** The class the task's hidden method was compiled to when it was bound. */
    private static String hiddenClass(DeclaredTask t) {
        String hidden = SessionCode.hiddenName(t.signature().name());
        return t.closure().snippets(CodeSnippet.Kind.METHOD).stream().filter(s -> s.name().equals(hidden)).findFirst()
                .map(CodeSnippet::className).orElse("");
    }

    /** Whether the decorator variables still hold the objects the task was bound with (an assignment replaces them). */
    private boolean sameDecorators(DeclaredTask bound, DeclaredTask declared) {
        List<TaskDecorator> was = bound.task().options().decorators();
        List<String> names = declared.options().decorators();
        for (int i = 0; i < names.size(); i++) {
            if (i >= was.size() || code.value(names.get(i)).orElse(null) != was.get(i)) return false;
        }
        return true;
    }

    private DeclaredWorkflow workflow(DeclaredWorkflow last) {
        String name = last.name();
        List<Type> types = workflowTypes(last);
        if (upToDate(last.workflow()) && types.equals(typesOf(last.workflow().iface()))) return last;
        try {
            Workflow rewired = new WorkflowWiring(session.typeEngine(), this, name).wire(last.ir(),
                    types.subList(0, types.size() - 1), types.get(types.size() - 1), last.options(),
                    binder.decorators(last.options().decorators(), "workflow [" + name + "]"));
            return last.rewired(rewired);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Workflow [" + name + "] cannot run: " + changedCallees(last.workflow()) + e.getMessage()
                    + ". Run the %%workflow cell of [" + name + "]" + cell(last.cell()) + " again once its calls fit", e);
        }
    }

    /** Whether every task, workflow and launch plan the workflow was wired to is still the current one. */
    private boolean upToDate(Workflow wf) {
        for (Object callee : Workflows.callees(wf)) {
            if (current(callee) != callee) return false;
        }
        return true;
    }

    /** The runtime object that the current entity of a callee's name holds, or null when it has none. */
    private Object current(Object callee) {
        String name = calleeName(callee);
        if (BuiltinTasks.isBuiltin(name)) return callee; // identity and no-op arms
        Entity e = entities.find(name).map(this::current).orElse(null);
        if (Entity.taskOf(e) != null) return Entity.taskOf(e);
        if (e instanceof DeclaredWorkflow w) return w.workflow();
        if (e instanceof DeclaredLaunchPlan lp) return lp.plan();
        return null;
    }

    /** "task [greet] changed since the workflow was wired (input [name] was [STRING] and is [INTEGER] now); ". */
    private String changedCallees(Workflow wf) {
        StringBuilder out = new StringBuilder();
        for (Object callee : Workflows.callees(wf)) {
            Object now;
            try {
                now = current(callee);
            } catch (RuntimeException e) {
                continue; // its own error is in the message that follows
            }
            if (now == callee || now == null) continue;
            TypedInterface before = ifaceOf(callee);
            TypedInterface after = ifaceOf(now);
            List<String> diffs = FlyteInterface.of(before, session.typeEngine()).differences(FlyteInterface.of(after, session.typeEngine()));
            out.append(kindOf(callee)).append(" [").append(calleeName(callee)).append("] changed since the workflow was wired")
                    .append(diffs.isEmpty() ? "" : " (" + String.join("; ", diffs) + ")").append("; ");
        }
        return out.toString();
    }

    private DeclaredLaunchPlan launchPlan(DeclaredLaunchPlan last) {
        Entity target = find(last.options().workflow())
                .orElseThrow(() -> entities.unknown(last.options().workflow(), "in launch plan [" + last.name() + "]"));
        if (!(target instanceof DeclaredWorkflow wf)) {
            throw new IllegalStateException("Launch plan [" + last.name() + "]: [" + last.options().workflow() + "] is a "
                    + target.kind() + " now; run the launch plan's cell" + cell(last.cell()) + " again");
        }
        if (wf.workflow() == last.plan().workflow()) return last;
        LaunchPlan plan = Declarations.launchPlan(last.options(), wf.workflow());
        return new DeclaredLaunchPlan(plan, last.options(), last.dag(), last.cell());
    }

    /** A workflow's parameter types then its return type: from its method as compiled now, else as last wired. */
    private List<Type> workflowTypes(DeclaredWorkflow wf) {
        var s = wf.ir().signature();
        Optional<String> className = code.className(CodeRoot.method(s.name(), SessionCode.parameterTypes(s)));
        if (className.isPresent()) {
            try {
                for (Method m : session.context().classLoader().loadClass(className.get()).getDeclaredMethods()) {
                    if (m.getName().equals(s.name()) && m.getParameterCount() == s.parameters().size()) {
                        List<Type> types = new ArrayList<>(List.of(m.getGenericParameterTypes()));
                        types.add(m.getGenericReturnType());
                        return types;
                    }
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // fall back to the types it was wired with
            }
        }
        return typesOf(wf.workflow().iface());
    }

    /** Input types then the Java return type an interface stands for (void, an @Outputs record, or o0's type). */
    private static List<Type> typesOf(TypedInterface iface) {
        List<Type> types = new ArrayList<>(iface.inputs().stream().map(Variable::type).toList());
        if (iface.outputRecord() != null) types.add(iface.outputRecord());
        else if (iface.outputs().isEmpty()) types.add(void.class);
        else types.add(iface.outputs().get(0).type());
        return types;
    }

    private static String calleeName(Object callee) {
        if (callee instanceof dev.flytejava.runtime.model.Task t) return t.name();
        if (callee instanceof Workflow w) return w.name();
        return ((LaunchPlan) callee).name();
    }

    private static String kindOf(Object callee) {
        return callee instanceof dev.flytejava.runtime.model.Task ? "task" : callee instanceof Workflow ? "workflow" : "launch plan";
    }

    private static TypedInterface ifaceOf(Object callee) {
        if (callee instanceof dev.flytejava.runtime.model.Task t) return t.iface();
        if (callee instanceof Workflow w) return w.iface();
        LaunchPlan lp = (LaunchPlan) callee;
        TypedInterface wf = lp.workflow().iface();
        return new TypedInterface(wf.inputs().stream().filter(v -> !lp.fixedInputs().containsKey(v.name())).toList(),
                wf.outputs(), wf.outputRecord());
    }

    /** " after record Box (cell 7) changed" when snippets of the closure differ from those it was bound with. */
    static String changedBy(CodeClosure before, CodeClosure now) {
        List<String> changed = new ArrayList<>();
        for (CodeSnippet s : now.snippets()) {
            if (before.snippets().stream().noneMatch(s::sameCode)) changed.add(s.describe() + cell(s.cell()));
        }
        for (CodeSnippet s : before.snippets()) {
            boolean gone = now.snippets().stream().noneMatch(n -> n.kind() == s.kind() && n.name().equals(s.name())
                    && n.signature().equals(s.signature()));
            if (gone) changed.add(s.describe() + " (no longer declared)");
        }
        return changed.isEmpty() ? "" : " (after " + String.join(", ", changed) + " changed)";
    }

    /** " (cell 5)" for an execution count, or nothing when unknown. */
    static String cell(int executionCount) {
        return executionCount > 0 ? " (cell " + executionCount + ")" : "";
    }
}
