package dev.flytejava.magics.flyte.export;

import dev.flytejava.runtime.model.Binding;
import dev.flytejava.runtime.model.BranchNode;
import dev.flytejava.runtime.model.BuiltinTasks;
import dev.flytejava.runtime.model.Condition;
import dev.flytejava.runtime.model.MapNode;
import dev.flytejava.runtime.model.Node;
import dev.flytejava.runtime.model.SubworkflowNode;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.TaskNode;
import dev.flytejava.runtime.model.Variable;
import dev.flytejava.runtime.model.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workflows class of an export: the notebook's tasks as runtime {@code Task}s, its workflows wired with the
 * {@code WorkflowBuilder} exactly as the magics wired them (same node ids, bindings, branches, map nodes, ordering,
 * setup and teardown), and a {@code main} that runs a workflow on the inputs the notebook last ran it with.
 */
public final class WorkflowSource {
    /** A workflow to write, with the decorators its cell applied to all of its tasks (notebook variables). */
    public record ExportedWorkflow(Workflow workflow, List<String> decorators) {}

    private final String notebookClass;
    private final JavaText text;
    private final Map<String, String> taskFields = new LinkedHashMap<>();
    private final Map<String, String> workflowFields = new LinkedHashMap<>();

    public WorkflowSource(String notebookClass) {
        this.notebookClass = notebookClass;
        this.text = new JavaText(notebookClass);
    }

    public String write(String pkg, String notebook, List<ExportedTask> tasks, List<ExportedWorkflow> workflows) {
        StringBuilder members = new StringBuilder();
        members.append("    // the tasks\n");
        for (ExportedTask t : tasks) {
            String field = field(t.name(), taskFields);
            members.append("    static final Task ").append(field).append(" = ").append(task(t)).append(";\n");
        }
        StringBuilder builders = new StringBuilder();
        members.append("\n    // the workflows, each after the subworkflows it runs\n");
        for (ExportedWorkflow w : workflows) {
            String field = field(w.workflow().name(), workflowFields);
            members.append("    static final Workflow ").append(field).append(" = ").append(field).append("();\n");
            builders.append(builder(field, w)).append('\n');
        }
        List<String> byName = new ArrayList<>();
        workflowFields.forEach((name, field) -> byName.add(JavaText.quote(name) + ", " + field));
        String className = notebookClass + "Workflows";
        return TEMPLATE.formatted(pkg, notebook, notebookClass, className, notebookClass, members,
                byName.isEmpty() ? "" : String.join(",\n            ", byName), builders);
    }

    private static final String TEMPLATE = """
            package %s;

            import com.google.protobuf.TextFormat;
            import dev.flytejava.runtime.api.Tasks;
            import dev.flytejava.runtime.api.WorkflowBuilder;
            import dev.flytejava.runtime.exec.LocalExecutor;
            import dev.flytejava.runtime.model.Binding;
            import dev.flytejava.runtime.model.Condition;
            import dev.flytejava.runtime.model.Task;
            import dev.flytejava.runtime.model.TaskOptions;
            import dev.flytejava.runtime.model.Variable;
            import dev.flytejava.runtime.model.Workflow;
            import dev.flytejava.runtime.plugins.ContainerTask;
            import dev.flytejava.runtime.plugins.PodTask;
            import dev.flytejava.runtime.types.TypeEngine;
            import flyteidl.core.Literals.LiteralMap;
            import java.io.IOException;
            import java.io.InputStream;
            import java.io.UncheckedIOException;
            import java.nio.charset.StandardCharsets;
            import java.time.Duration;
            import java.util.LinkedHashMap;
            import java.util.List;
            import java.util.Map;
            import java.util.Set;
            
            /**
             * The tasks and workflows of %s on the flyte-java runtime, written by flyte-java export; their code is in
             * {@link %s}. {@code main} runs a workflow on the inputs the notebook last ran it with
             * ({@code runs/NAME.inputs.txtpb}); the test checks that it gives the notebook's outputs.
             */
            public final class %s {
                /** The notebook's engine, with its transformers: first, so that the notebook class runs its registrations. */
                static final TypeEngine ENGINE = %s.engine();

            %s
                /** The workflows by name. */
                static final Map<String, Workflow> WORKFLOWS = Map.ofEntries(entries(
                        %s));

                private %4$s() {}

                /** {@code [WORKFLOW]}: runs it (default: the first) on the notebook's inputs and prints its outputs. */
                public static void main(String[] args) {
                    String name = args.length > 0 ? args[0] : WORKFLOWS.keySet().iterator().next();
                    Workflow workflow = WORKFLOWS.get(name);
                    if (workflow == null) {
                        System.err.println("No workflow [" + name + "]; there are " + WORKFLOWS.keySet());
                        System.exit(2);
                    }
                    try (LocalExecutor executor = LocalExecutor.builder(ENGINE).build()) {
                        Map<String, Object> outputs = executor.run(workflow, notebookInputs(name));
                        outputs.forEach((output, value) -> System.out.println(output + " = " + value));
                    }
                }

                /** The inputs the notebook last ran workflow {@code name} with. */
                static Map<String, Object> notebookInputs(String name) {
                    LiteralMap literals = read("runs/" + name + ".inputs.txtpb");
                    Map<String, Object> inputs = new LinkedHashMap<>();
                    for (Variable v : WORKFLOWS.get(name).iface().inputs()) {
                        if (literals.containsLiterals(v.name())) inputs.put(v.name(), ENGINE.toJava(literals.getLiteralsOrThrow(v.name()), v.type()));
                    }
                    return inputs;
                }

                /** The outputs the notebook's run of workflow {@code name} gave, as literals. */
                static LiteralMap notebookOutputs(String name) {
                    return read("runs/" + name + ".outputs.txtpb");
                }

                /** Java values as the literals Flyte passes, by the variables' types. */
                static LiteralMap literals(List<Variable> variables, Map<String, Object> values) {
                    LiteralMap.Builder literals = LiteralMap.newBuilder();
                    for (Variable v : variables) literals.putLiterals(v.name(), ENGINE.toLiteral(values.get(v.name()), v.type()));
                    return literals.build();
                }

                private static LiteralMap read(String resource) {
                    try (InputStream in = %4$s.class.getResourceAsStream(resource)) {
                        if (in == null) throw new IllegalStateException("No resource [" + resource + "]: the notebook did not run that workflow");
                        LiteralMap.Builder literals = LiteralMap.newBuilder();
                        TextFormat.merge(new String(in.readAllBytes(), StandardCharsets.UTF_8), literals);
                        return literals.build();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }

                /** A task from the notebook class's method, named and configured as its cell declared it. */
                private static Task task(String name, String method, TaskOptions options) {
                    Task t = Tasks.fromMethod(%5$s.class, method);
                    return new Task(name, t.iface(), options, t.codeHash(), t.body());
                }

                /** Node inputs in order: name, binding, name, binding... */
                private static Map<String, Binding> bind(Object... namesAndBindings) {
                    Map<String, Binding> bindings = new LinkedHashMap<>();
                    for (int i = 0; i < namesAndBindings.length; i += 2) bindings.put((String) namesAndBindings[i], (Binding) namesAndBindings[i + 1]);
                    return bindings;
                }

                /** A container task's variables in order: name, class, name, class... */
                private static Map<String, Class<?>> types(Object... namesAndTypes) {
                    Map<String, Class<?>> types = new LinkedHashMap<>();
                    for (int i = 0; i < namesAndTypes.length; i += 2) types.put((String) namesAndTypes[i], (Class<?>) namesAndTypes[i + 1]);
                    return types;
                }

                @SuppressWarnings("unchecked")
                private static Map.Entry<String, Workflow>[] entries(Object... namesAndWorkflows) {
                    Map.Entry<String, Workflow>[] entries = new Map.Entry[namesAndWorkflows.length / 2];
                    for (int i = 0; i < entries.length; i++) entries[i] = Map.entry((String) namesAndWorkflows[2 * i], (Workflow) namesAndWorkflows[2 * i + 1]);
                    return entries;
                }

            %s}
            """;

    private String task(ExportedTask t) {
        if (t instanceof ExportedTask.ContainerTask c) {
            return "ContainerTask.task(" + JavaText.quote(c.name()) + ", " + strings(c.command()) + ",\n            "
                    + types(c.inputs()) + ", " + types(c.outputs()) + ",\n            "
                    + options(null, 0, null, c.image(), c.requests(), c.limits(), c.env(), List.of()) + ")";
        }
        ExportedTask.JavaTask j = (ExportedTask.JavaTask) t;
        String task = "task(" + JavaText.quote(j.name()) + ", " + JavaText.quote(j.method()) + ", "
                + options(j.cacheVersion(), j.retries(), j.timeout(), j.image(), j.requests(), j.limits(), j.env(), j.decorators()) + ")";
        if (j.sidecars().isEmpty()) return task;
        List<String> sidecars = new ArrayList<>();
        j.sidecars().forEach((name, image) -> sidecars.add("new PodTask.Sidecar(" + JavaText.quote(name) + ", " + JavaText.quote(image) + ", List.of())"));
        return "PodTask.withSidecars(" + task + ",\n            List.of(" + String.join(", ", sidecars) + "))";
    }

    private String options(String cache, int retries, java.time.Duration timeout, String image, Map<String, String> requests,
                           Map<String, String> limits, Map<String, String> env, List<String> decorators) {
        StringBuilder sb = new StringBuilder("TaskOptions.defaults()");
        if (cache != null) sb.append(".withCache(").append(JavaText.quote(cache)).append(')');
        if (retries > 0) sb.append(".withRetries(").append(retries).append(')');
        if (timeout != null) sb.append(".withTimeout(Duration.parse(").append(JavaText.quote(timeout.toString())).append("))");
        if (image != null) sb.append(".withImage(").append(JavaText.quote(image)).append(')');
        if (!requests.isEmpty()) sb.append(".withRequests(").append(stringMap(requests)).append(')');
        if (!limits.isEmpty()) sb.append(".withLimits(").append(stringMap(limits)).append(')');
        if (!env.isEmpty()) sb.append(".withEnv(").append(stringMap(env)).append(')');
        if (!decorators.isEmpty()) sb.append(".withDecorators(").append(decoratorList(decorators)).append(')');
        return sb.toString();
    }

    private String decoratorList(List<String> decorators) {
        return "List.of(" + String.join(", ", decorators.stream().map(d -> notebookClass + "." + d).toList()) + ")";
    }

    private String builder(String field, ExportedWorkflow exported) {
        Workflow w = exported.workflow();
        StringBuilder sb = new StringBuilder();
        sb.append("    private static Workflow ").append(field).append("() {\n");
        sb.append("        WorkflowBuilder wf = WorkflowBuilder.create(").append(JavaText.quote(w.name())).append(", ENGINE);\n");
        for (Variable v : w.iface().inputs()) {
            sb.append("        wf.input(").append(JavaText.quote(v.name())).append(", ").append(text.typeExpression(v.type()));
            if (w.defaults().containsKey(v.name())) sb.append(", ").append(text.literal(w.defaults().get(v.name())));
            sb.append(");\n");
        }
        if (!exported.decorators().isEmpty()) sb.append("        wf.decorators(").append(decoratorList(exported.decorators())).append(");\n");
        for (Node n : w.nodes()) sb.append(node(w, n));
        for (Node n : w.nodes()) {
            List<String> after = new ArrayList<>();
            for (String upstream : n.after()) {
                boolean implied = w.teardown().contains(n.id()) || w.setup().contains(upstream); // the builder adds these
                if (!implied) after.add(JavaText.quote(upstream));
            }
            if (!after.isEmpty()) sb.append("        wf.after(").append(JavaText.quote(n.id())).append(", ").append(String.join(", ", after)).append(");\n");
        }
        Map<String, Binding> outputs = w.outputs();
        for (Variable v : w.iface().outputs()) {
            Binding b = outputs.get(v.name());
            boolean typeNeeded = !(b instanceof Binding.OutputRef) && !(b instanceof Binding.InputRef);
            sb.append("        wf.output(").append(JavaText.quote(v.name())).append(", ")
                    .append(typeNeeded ? text.typeExpression(v.type()) + ", " : "").append(binding(b)).append(");\n");
        }
        if (w.iface().outputRecord() != null) sb.append("        wf.outputRecord(").append(text.name(w.iface().outputRecord())).append(".class);\n");
        sb.append("        return wf.build();\n    }\n");
        return sb.toString();
    }

    private String node(Workflow w, Node n) {
        String id = JavaText.quote(n.id());
        if (n instanceof TaskNode t) {
            String call = w.setup().contains(n.id()) ? "setup" : w.teardown().contains(n.id()) ? "teardown" : "node";
            return "        wf." + call + "(" + id + ", " + taskRef(w, t.task()) + ", " + bindings(t.inputs()) + ");\n";
        }
        if (n instanceof SubworkflowNode s) {
            return "        wf.node(" + id + ", " + workflowRef(w, s.workflow()) + ", " + bindings(s.inputs()) + ");\n";
        }
        if (n instanceof MapNode m) {
            List<String> fixed = m.fixedInputs().stream().map(JavaText::quote).toList();
            return "        wf.map(" + id + ", " + taskRef(w, m.task()) + ", " + bindings(m.inputs()) + ", Set.of(" + String.join(", ", fixed)
                    + "), " + m.concurrency() + ", " + m.minSuccessRatio() + ");\n";
        }
        if (n instanceof BranchNode b) {
            StringBuilder sb = new StringBuilder("        wf.branch(" + id + ")\n");
            for (BranchNode.Case c : b.cases()) {
                sb.append("            .when(").append(condition(c.condition())).append(", ").append(inner(w, c.node())).append(")\n");
            }
            if (b.otherwise() != null) sb.append("            .otherwise(").append(inner(w, b.otherwise())).append(")\n");
            if (b.otherwiseError() != null) sb.append("            .otherwiseFail(").append(JavaText.quote(b.otherwiseError())).append(")\n");
            return sb.append("            .end();\n").toString();
        }
        throw new UnexportableException("node [" + n.id() + "] of workflow [" + w.name() + "] is a " + n.getClass().getSimpleName()
                + ", which export cannot write yet (it writes task, map, branch and subworkflow nodes)");
    }

    /** A branch arm, built as a node. */
    private String inner(Workflow w, Node n) {
        if (n instanceof TaskNode t) {
            return "new dev.flytejava.runtime.model.TaskNode(" + JavaText.quote(n.id()) + ", " + taskRef(w, t.task()) + ", "
                    + bindings(t.inputs()) + ", List.of())";
        }
        if (n instanceof SubworkflowNode s) {
            return "new dev.flytejava.runtime.model.SubworkflowNode(" + JavaText.quote(n.id()) + ", " + workflowRef(w, s.workflow()) + ", "
                    + bindings(s.inputs()) + ", List.of())";
        }
        throw new UnexportableException("branch arm [" + n.id() + "] of workflow [" + w.name() + "] is a " + n.getClass().getSimpleName()
                + ", which export cannot write yet");
    }

    private String taskRef(Workflow w, Task task) {
        if (BuiltinTasks.isIdentity(task.name())) {
            return "dev.flytejava.runtime.model.BuiltinTasks.identity(" + text.typeExpression(task.iface().inputs().get(0).type()) + ")";
        }
        if (task.name().equals(BuiltinTasks.NOTHING)) return "dev.flytejava.runtime.model.BuiltinTasks.nothing()";
        String field = taskFields.get(task.name());
        if (field == null) {
            throw new UnexportableException("workflow [" + w.name() + "] runs task [" + task.name() + "], which is not exported"
                    + (task.body() instanceof dev.flytejava.runtime.model.ReferenceTask ? ": a reference task runs only on a cluster" : ""));
        }
        return field;
    }

    private String workflowRef(Workflow w, Workflow sub) {
        String field = workflowFields.get(sub.name());
        if (field == null) throw new UnexportableException("workflow [" + w.name() + "] runs subworkflow [" + sub.name() + "], which is not exported");
        return field;
    }

    private String bindings(Map<String, Binding> bindings) {
        if (bindings.isEmpty()) return "Map.of()";
        List<String> items = new ArrayList<>();
        bindings.forEach((name, b) -> items.add(JavaText.quote(name) + ", " + binding(b)));
        return "bind(" + String.join(", ", items) + ")";
    }

    private String binding(Binding b) {
        if (b instanceof Binding.InputRef i) return "Binding.input(" + JavaText.quote(i.name()) + ")";
        if (b instanceof Binding.OutputRef o) return "Binding.output(" + JavaText.quote(o.nodeId()) + ", " + JavaText.quote(o.outputName()) + ")";
        if (b instanceof Binding.Constant c) return "Binding.literal(" + text.literal(c.value()) + ")";
        if (b instanceof Binding.ListOf l) return "Binding.list(" + String.join(", ", l.items().stream().map(this::binding).toList()) + ")";
        if (b instanceof Binding.MapOf m) return "Binding.map(" + bindings(m.entries()) + ")";
        throw new UnexportableException("the binding [" + b + "] cannot be written as Java source");
    }

    private String condition(Condition c) {
        if (c instanceof Condition.Comparison cmp) {
            return "Condition.compare(" + binding(cmp.left()) + ", Condition.Op." + cmp.op().name() + ", " + binding(cmp.right()) + ")";
        }
        if (c instanceof Condition.And a) return "new Condition.And(" + condition(a.left()) + ", " + condition(a.right()) + ")";
        Condition.Or o = (Condition.Or) c;
        return "new Condition.Or(" + condition(o.left()) + ", " + condition(o.right()) + ")";
    }

    private String types(List<Variable> variables) {
        List<String> items = new ArrayList<>();
        for (Variable v : variables) {
            if (!(v.type() instanceof Class<?> c)) throw new UnexportableException("container task variable [" + v.name() + "] has a generic type");
            items.add(JavaText.quote(v.name()) + ", " + text.name(c) + ".class");
        }
        return "types(" + String.join(", ", items) + ")";
    }

    private static String strings(List<String> values) {
        return "List.of(" + String.join(", ", values.stream().map(JavaText::quote).toList()) + ")";
    }

    private static String stringMap(Map<String, String> map) {
        List<String> items = new ArrayList<>();
        map.forEach((k, v) -> items.add("Map.entry(" + JavaText.quote(k) + ", " + JavaText.quote(v) + ")"));
        return "Map.ofEntries(" + String.join(", ", items) + ")";
    }

    /** A unique Java field name for a Flyte name, clear of the class's own fields. */
    private static String field(String name, Map<String, String> fields) {
        String base = JavaText.identifier(name);
        String field = base;
        for (int i = 2; fields.containsValue(field) || field.equals("ENGINE") || field.equals("WORKFLOWS"); i++) field = base + i;
        fields.put(name, field);
        return field;
    }
}
