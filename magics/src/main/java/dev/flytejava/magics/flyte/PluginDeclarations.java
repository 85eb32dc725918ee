package dev.flytejava.magics.flyte;

import dev.flytejava.magics.MagicContext;
import dev.flytejava.magics.flyte.Entity.DeclaredPluginTask;
import dev.flytejava.magics.flyte.options.ArgTokenizer;
import dev.flytejava.magics.flyte.options.OptionException;
import dev.flytejava.magics.flyte.options.PluginTaskOptions;
import dev.flytejava.magics.flyte.options.SensorOptions;
import dev.flytejava.magics.flyte.parse.CellPosition;
import dev.flytejava.magics.flyte.parse.MethodSignature;
import dev.flytejava.magics.flyte.render.TaskCard;
import dev.flytejava.runtime.model.Task;
import dev.flytejava.runtime.model.TaskOptions;
import dev.flytejava.runtime.model.Variable;
import dev.flytejava.runtime.plugins.ContainerTask;
import dev.flytejava.runtime.plugins.FileSensor;
import dev.flytejava.runtime.plugins.SqlTask;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code %%container_task}, {@code %%sql_task} and {@code %flyte sensor} do in a session: build the plugin's
 * runtime task, register it, and define the Java method that runs it ({@code mul(6, 7)}), so it is called and wired
 * into workflows like any {@code %%task}.
 */
final class PluginDeclarations {
    private static final Map<String, Class<?>> TYPES = new LinkedHashMap<>();

    static {
        TYPES.put("long", long.class);
        TYPES.put("int", int.class);
        TYPES.put("double", double.class);
        TYPES.put("boolean", boolean.class);
        TYPES.put("String", String.class);
    }

    private final FlyteSession session;
    private final MagicContext context;

    PluginDeclarations(FlyteSession session) {
        this.session = session;
        this.context = session.context();
    }

    TaskCard containerTask(String args, String body) throws Exception {
        PluginTaskOptions o = PluginTaskOptions.parseContainer(args);
        List<String> command = ArgTokenizer.split(String.join(" ", lines(body)));
        if (command.isEmpty()) throw new OptionException("%%container_task " + o.name() + ": the cell body must hold the command");
        Task task = ContainerTask.task(o.name(), command, types(o.inputs(), "--inputs"), types(o.outputs(), "--outputs"),
                options(o));
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("type", ContainerTask.TASK_TYPE);
        shown.put("image", o.image().orElseThrow());
        shown.put("command", String.join(" ", command));
        return declare(task, "container", shown, body);
    }

    TaskCard sqlTask(String args, String body) throws Exception {
        PluginTaskOptions o = PluginTaskOptions.parseSql(args);
        Class<? extends Record> row = o.row().isPresent() ? record(o.row().get(), o.name()) : null;
        Task task = SqlTask.task(o.name(), o.db().orElseThrow(), body.strip(), types(o.inputs(), "--inputs"),
                row, options(o));
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("type", SqlTask.TASK_TYPE);
        shown.put("db", o.db().get());
        shown.put("row", o.row().orElse("Map<String, Object>"));
        return declare(task, "sql", shown, body);
    }

    TaskCard sensor(List<String> words) throws Exception {
        SensorOptions o = SensorOptions.parse(words);
        Task task = FileSensor.task(o.name(), o.path(), o.timeout(), o.pokeInterval());
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("type", "agent " + ((dev.flytejava.runtime.plugins.PluginBody) task.body()).taskType());
        shown.put("path", o.path());
        shown.put("timeout", o.timeout().toString());
        shown.put("poke interval", o.pokeInterval().toString());
        return declare(task, "sensor", shown, String.join(" ", words));
    }

    private TaskCard declare(Task task, String plugin, Map<String, String> shown, String source) throws Exception {
        String where = "task [" + task.name() + "]";
        List<TaskCard.Variable> inputs = new ArrayList<>();
        for (Variable v : task.iface().inputs()) inputs.add(new TaskCard.Variable(v.name(), session.describe(v.type())));
        List<TaskCard.Variable> outputs = new ArrayList<>();
        for (Variable v : task.iface().outputs()) outputs.add(new TaskCard.Variable(v.name(), session.describe(v.type())));
        session.entities().put(new DeclaredPluginTask(task, plugin, shown, source, session.context().code().cell()));
        MethodSignature signature = signature(task, where);
        context.eval(SessionCode.visibleMethod(task.name(), signature));
        dropOtherOverloads(task.name(), SessionCode.parameterTypes(signature));
        return new TaskCard("task", task.name(), inputs, outputs, shown);
    }

    /**
     * An earlier declaration of this name with other parameter types left its methods behind (JShell keeps overloads):
     * drop them, as a re-run {@code %%task} cell does, so a call cannot reach the old entity's code.
     */
    private void dropOtherOverloads(String method, String parameterTypes) throws Exception {
        java.util.Set<String> before = session.definedMethods().put(method, new java.util.LinkedHashSet<>(List.of(parameterTypes)));
        if (before == null) return;
        for (String types : before) {
            if (!types.equals(parameterTypes)) {
                context.dropMethod(method, types);
                context.dropMethod(SessionCode.hiddenName(method), types);
            }
        }
    }

    /** The Java method that runs the task: its inputs as parameters; its single output, or all as a map, returned. */
    private MethodSignature signature(Task task, String where) {
        List<MethodSignature.Parameter> params = new ArrayList<>();
        for (Variable v : task.iface().inputs()) params.add(new MethodSignature.Parameter(v.name(), typeText(v.type())));
        List<Variable> out = task.iface().outputs();
        String returns = out.isEmpty() ? "void" : out.size() == 1 ? typeText(out.get(0).type())
                : "java.util.Map<String, Object>";
        String source = returns + " " + task.name() + "() {}";
        return new MethodSignature(task.name(), params, returns, source, returns.length() + 1, new CellPosition(1, 1));
    }

    /** A type as session code spells it (cell-declared records have a binary name JShell does not accept). */
    private String typeText(Type type) {
        if (type instanceof Class<?> c) return c.isPrimitive() || c.getName().startsWith("java.") ? c.getName() : c.getSimpleName();
        if (type instanceof java.lang.reflect.ParameterizedType p) {
            StringBuilder sb = new StringBuilder(typeText(p.getRawType())).append('<');
            Type[] args = p.getActualTypeArguments();
            for (int i = 0; i < args.length; i++) sb.append(i == 0 ? "" : ", ").append(typeText(args[i]));
            return sb.append('>').toString();
        }
        return type.getTypeName();
    }

    private static Map<String, Class<?>> types(Map<String, String> texts, String option) {
        Map<String, Class<?>> out = new LinkedHashMap<>();
        texts.forEach((name, text) -> {
            Class<?> t = TYPES.get(text.strip());
            if (t == null) t = TYPES.get(text.strip().toLowerCase(Locale.ROOT));
            if (t == null && text.strip().equalsIgnoreCase("string")) t = String.class;
            if (t == null) {
                throw new OptionException(option + ": [" + name + "=" + text + "] has an unknown type; use one of " + TYPES.keySet());
            }
            out.put(name, t);
        });
        return out;
    }

    private Class<? extends Record> record(String text, String task) throws Exception {
        Object value;
        try {
            value = context.eval(SessionCode.typesExpression(List.of(text)));
        } catch (Exception e) {
            throw new OptionException("--row " + text + " of SQL task [" + task + "]: no such class in the session ("
                    + e.getMessage() + ")");
        }
        Type t = ((Type[]) value)[0];
        if (!(t instanceof Class<?> c) || !c.isRecord()) {
            throw new OptionException("--row " + text + " of SQL task [" + task + "] must be a record class");
        }
        return c.asSubclass(Record.class);
    }

    private static TaskOptions options(PluginTaskOptions o) {
        TaskOptions t = TaskOptions.defaults().withRetries(o.retries()).withEnv(o.env()).withRequests(o.requests())
                .withLimits(o.limits());
        if (o.cacheVersion().isPresent()) t = t.withCache(o.cacheVersion().get());
        if (o.timeout().isPresent()) t = t.withTimeout(o.timeout().get());
        if (o.image().isPresent()) t = t.withImage(o.image().get());
        return t;
    }

    /** The body's lines without blank lines and {@code #} or {@code //} comment lines. */
    private static List<String> lines(String body) {
        List<String> out = new ArrayList<>();
        for (String line : body.split("\n")) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#") && !s.startsWith("//")) out.add(line);
        }
        return out;
    }
}
