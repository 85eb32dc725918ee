package dev.flytejava.magics.flyte;

import dev.flytejava.magics.MagicContext;
import dev.flytejava.magics.code.CodeRoot;
import dev.flytejava.magics.code.NotebookCode;
import dev.flytejava.magics.flyte.Entity.DeclaredLaunchPlan;
import dev.flytejava.magics.flyte.Entity.DeclaredTask;
import dev.flytejava.magics.flyte.Entity.DeclaredWorkflow;
import dev.flytejava.magics.flyte.options.LaunchPlanOptions;
import dev.flytejava.magics.flyte.options.TaskOptions;
import dev.flytejava.magics.flyte.options.WorkflowOptions;
import dev.flytejava.magics.flyte.parse.MethodSignature;
import dev.flytejava.magics.flyte.parse.TaskCellParser;
import dev.flytejava.magics.flyte.parse.WorkflowCellParser;
import dev.flytejava.magics.flyte.parse.WorkflowIr;
import dev.flytejava.magics.flyte.render.Dag;
import dev.flytejava.magics.flyte.render.DagSvg;
import dev.flytejava.magics.flyte.render.TaskCard;
import dev.flytejava.magics.flyte.render.WorkflowDags;
import dev.flytejava.runtime.model.CronSchedule;
import dev.flytejava.runtime.model.LaunchPlan;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.TaskDecorator;
import dev.flytejava.runtime.model.Variable;
import dev.flytejava.runtime.model.Workflow;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the declaring cells do in a session: a {@code %%task} cell defines its method under a hidden name,
 * binds it as the task body and defines the visible method that runs the task; a {@code %%workflow} cell
 * wires its IR and defines the visible method that runs the workflow; a launch plan fixes inputs.
 */
final class Declarations {
    /** A magic cell's body starts on cell line 2; positions in messages are cell lines. */
    static final int BODY_FIRST_LINE = 2;

    private final FlyteSession session;
    private final MagicContext context;
    private final NotebookCode code;

    Declarations(FlyteSession session) {
        this.session = session;
        this.context = session.context();
        this.code = context.code();
    }

    TaskCard declareTask(String args, String body) throws Exception {
        TaskOptions options = TaskOptions.parse(args);
        MethodSignature signature = TaskCellParser.parse(body, BODY_FIRST_LINE);
        String name = options.name().orElse(signature.name());
        String where = "task [" + name + "]";
        session.binder().decorators(options.decorators(), where); // before anything is defined

        // leading newlines: JShell compile errors then name the cell line of the method
        String lines = "\n".repeat(signature.position().line() - 1);
        TaskBinder binder = session.binder();
        if (binder.className(signature).isPresent()) {
            // a task of this signature runs from the current hidden method: a body that does not compile must not replace it
            try {
                context.eval(lines + SessionCode.probeMethod(signature));
            } finally {
                context.dropMethod(SessionCode.probeName(signature.name()), SessionCode.parameterTypes(signature));
            }
        }
        context.eval(lines + SessionCode.hiddenMethod(signature));
        String className = binder.className(signature)
                .orElseThrow(() -> new IllegalStateException("The method of " + where + " was not defined by JShell"));
        TaskBinder.Bound bound = binder.bind(name, signature, options, binder.closure(signature, options), className);
        Task built = bound.task();
        List<TaskCard.Variable> inputs = flyteTypes(built.iface().inputs(), "input", where);
        List<TaskCard.Variable> outputs = flyteTypes(built.iface().outputs(), "output", where);

        session.entities().put(new DeclaredTask(built, signature, options, body, code.cell(), bound.closure(),
                FlyteInterface.of(built.iface(), session.typeEngine())));
        defineVisibleMethod(name, signature);
        // a task whose body calls this task's method runs this task's code: its closure holds that code too
        code.link(CodeRoot.method(signature.name(), SessionCode.parameterTypes(signature)),
                TaskBinder.roots(signature, options.decorators()));
        return new TaskCard("task", name, inputs, outputs, shown(options));
    }

    DagSvg declareWorkflow(String args, String body) throws Exception {
        WorkflowOptions options = WorkflowOptions.parse(args);
        WorkflowIr ir = WorkflowCellParser.parse(body, BODY_FIRST_LINE);
        MethodSignature signature = ir.signature();
        String name = options.name().orElse(signature.name());
        String where = "workflow [" + name + "]";
        List<TaskDecorator> decorators = session.binder().decorators(options.decorators(), where);
        List<Type> types = resolveTypes(signature, where);

        Workflow workflow = new WorkflowWiring(session.typeEngine(), session.current(), name)
                .wire(ir, types.subList(0, types.size() - 1), types.get(types.size() - 1), options, decorators);
        Dag dag = WorkflowDags.of(name, ir, workflow.iface().outputNames(), options.setup(), options.teardown(), callees());
        session.entities().put(new DeclaredWorkflow(workflow, ir, dag, options, body, code.cell()));
        defineVisibleMethod(name, signature);
        return new DagSvg(dag);
    }

    TaskCard declareLaunchPlan(LaunchPlanOptions options) throws Exception {
        Entity target = session.current().find(options.workflow())
                .orElseThrow(() -> session.entities().unknown(options.workflow(), "in launch plan [" + options.name() + "]"));
        if (!(target instanceof DeclaredWorkflow wf)) {
            throw new IllegalArgumentException("Launch plan [" + options.name() + "]: [" + options.workflow() + "] is a "
                    + target.kind() + ", a launch plan needs a workflow");
        }
        LaunchPlan plan = launchPlan(options, wf.workflow());
        DeclaredLaunchPlan declared = new DeclaredLaunchPlan(plan, options, wf.dag(), code.cell());
        session.entities().put(declared);

        // one method taking every input it does not fix, and one without those that have defaults: small() and small(7)
        List<MethodSignature.Parameter> params = new ArrayList<>();
        List<MethodSignature.Parameter> required = new ArrayList<>();
        for (Variable v : declared.iface().inputs()) {
            int i = wf.ir().signature().parameterNames().indexOf(v.name());
            params.add(wf.ir().signature().parameters().get(i));
            if (!plan.hasDefault(v.name())) required.add(wf.ir().signature().parameters().get(i));
        }
        List<MethodSignature> methods = new ArrayList<>(List.of(launchPlanMethod(options.name(), params, wf)));
        if (required.size() < params.size()) methods.add(launchPlanMethod(options.name(), required, wf));
        defineVisibleMethods(options.name(), methods, true);

        String where = "launch plan [" + options.name() + "]";
        return new TaskCard("launch plan", options.name(), flyteTypes(declared.iface().inputs(), "input", where),
                flyteTypes(declared.iface().outputs(), "output", where), shown(plan));
    }

    /**
     * A launch plan registered elsewhere ({@code %flyte reference launchplan}), declared under its Java method's name:
     * workflows call it as a launch plan node on its full identifier; its card names the reference.
     */
    TaskCard declareReferenceLaunchPlan(LaunchPlan plan, MethodSignature signature, String reference) throws Exception {
        Dag dag = new Dag.Builder(plan.name()).node(plan.name(), Dag.Kind.LAUNCH_PLAN, plan.name(), "reference " + reference).build();
        LaunchPlanOptions options = new LaunchPlanOptions(plan.name(), plan.workflow().name(), Map.of(), Map.of(), java.util.Optional.empty());
        session.entities().put(new DeclaredLaunchPlan(plan, options, dag, code.cell()));
        defineVisibleMethods(plan.name(), List.of(signature), true);
        String where = "reference launch plan " + reference;
        return new TaskCard("launch plan", plan.name(), flyteTypes(plan.workflow().iface().inputs(), "input", where),
                flyteTypes(plan.workflow().iface().outputs(), "output", where), Map.of("reference", reference));
    }

    /** The plan its options describe, for a workflow: fixed and default values read per the workflow's input types. */
    static LaunchPlan launchPlan(LaunchPlanOptions options, Workflow workflow) {
        String where = "launch plan [" + options.name() + "]";
        Map<String, Object> fixed = values(options.fixed(), workflow, "--fixed", where);
        Map<String, Object> defaults = values(options.defaults(), workflow, "--default", where);
        CronSchedule schedule = options.schedule().map(CronSchedule::new).orElse(null);
        return new LaunchPlan(options.name(), workflow, fixed, defaults, schedule);
    }

    /** What a launch plan's card lists besides its interface: workflow, fixed and default inputs (in input order), schedule. */
    static Map<String, String> shown(LaunchPlan plan) {
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("workflow", plan.workflow().name());
        List<String> inputs = plan.workflow().iface().inputNames();
        inputs.stream().filter(plan.fixedInputs()::containsKey).forEach(k -> shown.put("fixed " + k, String.valueOf(plan.fixedInputs().get(k))));
        inputs.stream().filter(plan.defaultInputs()::containsKey)
                .forEach(k -> shown.put("default " + k, String.valueOf(plan.defaultInputs().get(k))));
        if (plan.schedule() != null) shown.put("schedule", plan.schedule().expression());
        return shown;
    }

    private static MethodSignature launchPlanMethod(String name, List<MethodSignature.Parameter> params, DeclaredWorkflow wf) {
        String returnType = wf.ir().signature().returnType();
        String source = returnType + " " + name + "() {}";
        return new MethodSignature(name, params, returnType, source, returnType.length() + 1, wf.ir().signature().position());
    }

    private void defineVisibleMethod(String entityName, MethodSignature signature) throws Exception {
        defineVisibleMethods(entityName, List.of(signature), false);
    }

    /**
     * Defines the methods that run the entity (all of one name), then drops those an earlier declaration of that name
     * defined with other parameter types (and that declaration's hidden task body): JShell would keep them as
     * overloads, and a call could still resolve to one. Overloads the user wrote in plain cells are never touched.
     * {@code byName}: the methods pass their parameters by name, so some inputs may be left to their defaults.
     */
    private void defineVisibleMethods(String entityName, List<MethodSignature> signatures, boolean byName) throws Exception {
        Set<String> now = new LinkedHashSet<>();
        for (MethodSignature signature : signatures) {
            context.eval(byName ? SessionCode.visibleMethodByName(entityName, signature) : SessionCode.visibleMethod(entityName, signature));
            now.add(SessionCode.parameterTypes(signature));
        }
        String method = signatures.get(0).name();
        Set<String> before = session.definedMethods().put(method, now);
        if (before == null) return;
        for (String types : before) {
            if (!now.contains(types)) {
                context.dropMethod(method, types);
                context.dropMethod(SessionCode.hiddenName(method), types);
            }
        }
    }

    /** Reads {@code k=v} texts per the workflow input's Java type. */
    private static Map<String, Object> values(Map<String, String> texts, Workflow workflow, String option, String where) {
        Map<String, Object> values = new LinkedHashMap<>();
        texts.forEach((k, text) -> {
            Variable input = workflow.iface().input(k);
            if (input == null) {
                throw new IllegalArgumentException(option + ": [" + k + "] is not an input of workflow [" + workflow.name()
                        + "]; inputs are " + workflow.iface().inputNames());
            }
            values.put(k, InputValues.parse(text, input.type(), k, where));
        });
        return values;
    }

    /** Parameter types then the return type, resolved in the session (cell-declared classes included). */
    List<Type> resolveTypes(MethodSignature signature, String where) throws Exception {
        List<String> texts = new ArrayList<>();
        signature.parameters().forEach(p -> texts.add(p.type()));
        texts.add(signature.returnType());
        Object value;
        try {
            value = context.eval(SessionCode.typesExpression(texts));
        } catch (Exception e) {
            throw new IllegalArgumentException("Cannot resolve the Java types " + texts + " of " + where + ": " + e.getMessage(), e);
        }
        if (!(value instanceof Type[] types)) {
            throw new IllegalStateException("Resolving the types of " + where + " returned [" + value + "], not Type[]");
        }
        return Arrays.asList(types);
    }

    private List<TaskCard.Variable> flyteTypes(List<Variable> vars, String kind, String where) {
        List<TaskCard.Variable> out = new ArrayList<>();
        for (Variable v : vars) {
            try {
                out.add(new TaskCard.Variable(v.name(), session.describe(v.type())));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("No Flyte type for [" + v.type().getTypeName() + "] in " + kind + " ["
                        + v.name() + "] of " + where + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** What a task's card lists besides its interface: the options the cell gave. */
    static Map<String, String> shown(TaskOptions o) {
        Map<String, String> shown = new LinkedHashMap<>();
        o.cacheVersion().ifPresent(v -> shown.put("cache", v));
        if (o.retries() > 0) shown.put("retries", String.valueOf(o.retries()));
        o.timeout().ifPresent(t -> shown.put("timeout", t.toString()));
        o.image().ifPresent(i -> shown.put("image", i));
        if (!o.requests().isEmpty()) shown.put("requests", pairs(o.requests()));
        if (!o.limits().isEmpty()) shown.put("limits", pairs(o.limits()));
        if (!o.env().isEmpty()) shown.put("env", pairs(o.env()));
        if (!o.decorators().isEmpty()) shown.put("decorators", String.join(", ", o.decorators()));
        if (!o.sidecars().isEmpty()) shown.put("sidecars", pairs(o.sidecars()));
        return shown;
    }

    private static String pairs(Map<String, String> m) {
        StringBuilder sb = new StringBuilder();
        new java.util.TreeMap<>(m).forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v));
        return sb.toString();
    }

    WorkflowDags.Callees callees() {
        return new WorkflowDags.Callees() {
            @Override
            public Dag.Kind kind(String callee) {
                return session.entities().find(callee).map(e -> e instanceof DeclaredWorkflow ? Dag.Kind.SUBWORKFLOW
                        : e instanceof DeclaredLaunchPlan ? Dag.Kind.LAUNCH_PLAN : Dag.Kind.TASK).orElse(Dag.Kind.TASK);
            }

            @Override
            public List<String> inputNames(String callee) {
                return session.entities().find(callee).map(e -> e.iface().inputNames()).orElse(List.of());
            }
        };
    }
}
