package dev.flytejava.magics.flyte;

import dev.flytejava.magics.flyte.Entity.DeclaredLaunchPlan;
import dev.flytejava.magics.flyte.Entity.DeclaredWorkflow;
import dev.flytejava.magics.flyte.options.OptionConverters;
import dev.flytejava.magics.flyte.options.OptionException;
import dev.flytejava.magics.flyte.options.RunOptions;
import dev.flytejava.magics.flyte.render.Dag;
import dev.flytejava.magics.flyte.render.Table;
import dev.flytejava.runtime.idl.CompileOptions;
import dev.flytejava.runtime.remote.AdminClient;
import dev.flytejava.runtime.remote.FlyteConfig;
import dev.flytejava.runtime.remote.Registrar;
import dev.flytejava.runtime.remote.RegistrationPlan;
import dev.flytejava.runtime.remote.RemoteRun;
import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import dev.flytejava.runtime.remote.RetryPolicy;
import dev.flytejava.runtime.model.Variable;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code %flyte config}, {@code %flyte register}, {@code %flyte run --remote} and {@code %flyte fetch}: flytectl's
 * config with this session's overrides on top, registration of a declared entity through FlyteAdmin, and its runs.
 */
final class RemoteCommands {
    static final String USAGE = String.join("\n",
            "%flyte config [KEY=VALUE]... | --file F   show or override flytectl's admin.* config for this session",
            "%flyte register NAME [--project P] [--domain D] [--version V] [--image IMAGE]   upload the code, register",
            "%flyte run NAME --remote [--wait] [--timeout 1h] [--project P ...] [--INPUT VALUE]...   register, run remotely",
            "%flyte fetch PROJECT:DOMAIN:NAME        a remote execution's phase, and its outputs once it succeeded",
            ReferenceTasks.USAGE + "   a registered task or launch plan, callable from workflows");

    private final FlyteSession session;
    private final Map<String, String> env;
    private FlyteConfig config;
    private FlyteConfig configSet;

    RemoteCommands(FlyteSession session, Map<String, String> env) {
        this.session = session;
        this.env = env;
    }

    /**
     * A client for the session's config. A Pkce login's URL is shown in the cell as a link (the kernel may run on
     * another machine than the browser, so nothing is opened).
     */
    private AdminClient connect() {
        return AdminClient.connect(config(), env, RetryPolicy.DEFAULT, url -> session.context().display(
                (dev.flytejava.magics.display.Displayable) () -> Map.of(
                        "text/plain", "Log in to Flyte: open " + url,
                        "text/html", "<p>Log in to Flyte: <a href=\"" + dev.flytejava.magics.display.Html.escape(url)
                                + "\" target=\"_blank\">open the login page</a> (this cell waits up to 5 minutes)</p>")));
    }

    private FlyteConfig config() {
        if (config == null) config = FlyteConfig.load(env);
        return config;
    }

    Object config(List<String> words) {
        if (words.size() == 2 && words.get(0).equals("--file")) {
            config = FlyteConfig.read(session.context().workingDirectory().resolve(words.get(1)));
        } else {
            FlyteConfig next = config();
            for (String w : words) {
                int eq = w.indexOf('=');
                if (eq <= 0) throw new OptionException("%flyte config takes KEY=VALUE or --file F, got [" + w + "]\n" + USAGE);
                next = next.with(w.substring(0, eq), w.substring(eq + 1), "in %flyte config");
            }
            config = next;
        }
        configSet = config;
        FlyteConfig c = config();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("endpoint", String.valueOf(c.endpoint())));
        rows.add(List.of("insecure", String.valueOf(c.insecure())));
        rows.add(List.of("insecureSkipVerify", String.valueOf(c.insecureSkipVerify())));
        rows.add(List.of("caCertFilePath", String.valueOf(c.caCertFilePath())));
        rows.add(List.of("authType", c.authType().name()));
        rows.add(List.of("clientId", String.valueOf(c.clientId())));
        rows.add(List.of("clientSecretLocation", String.valueOf(c.clientSecretLocation())));
        rows.add(List.of("clientSecretEnvVar", String.valueOf(c.clientSecretEnvVar())));
        rows.add(List.of("scopes", String.join(",", c.scopes())));
        rows.add(List.of("command", String.join(",", c.command())));
        return new Table("Flyte config (admin.*)", List.of("key", "value"), rows);
    }

    Object register(List<String> words) {
        if (words.isEmpty() || words.get(0).startsWith("--")) throw new OptionException("%flyte register needs a name\n" + USAGE);
        Target target = new Target();
        for (int i = 1; i < words.size(); i += 2) {
            if (!target.take(words, i, "%flyte register")) {
                throw new OptionException("%flyte register: unknown option [" + words.get(i) + "]\n" + USAGE);
            }
        }
        return registered(words.get(0), target).table();
    }

    /**
     * {@code %flyte run NAME --remote [--wait] [--timeout 10m] [--project P ...] --x 3}: registers NAME as
     * {@code %flyte register} does (nothing is created when it is unchanged), starts an execution of its launch plan
     * (a task's: FlyteAdmin's single-task launch plan) and, with {@code --wait}, shows the live view until it ends
     * and its outputs, read as the declared Java types.
     */
    Object run(List<String> words) {
        Target target = new Target();
        boolean wait = false;
        Duration timeout = Duration.ofHours(1);
        List<String> runWords = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("--remote")) continue;
            if (w.equals("--wait")) {
                wait = true;
            } else if (w.equals("--timeout")) {
                if (i + 1 >= words.size()) throw new OptionException("%flyte run --remote: --timeout needs a value, e.g. 10m");
                timeout = timeout(words.get(++i));
            } else if (target.take(words, i, "%flyte run --remote")) {
                i++;
            } else {
                runWords.add(w);
            }
        }
        RunOptions options = RunOptions.parse(runWords);
        Entity entity = session.current().find(options.entity())
                .orElseThrow(() -> session.entities().unknown(options.entity(), "in %flyte run --remote"));
        Map<String, Object> inputs = RunInputs.of(entity, options);
        Registered registered = registered(entity.name(), target);
        session.context().display(registered.table());
        Identifier launch = registered.launchTarget(entity);
        LiteralMap literals = literals(entity.iface().inputs(), inputs);
        try (AdminClient client = connect()) {
            RemoteRun run = new RemoteRun(client, session.typeEngine());
            WorkflowExecutionIdentifier id = run.start(launch, literals, "");
            String shownId = RemoteRun.format(id);
            if (!wait) {
                return new Table("Started " + entity.name() + " remotely", List.of("execution", "console", "outputs"),
                        List.of(List.of(shownId, consoleUrl(id), "%flyte fetch " + shownId)));
            }
            Optional<Dag> dag = entity instanceof DeclaredWorkflow w ? Optional.of(w.dag())
                    : entity instanceof DeclaredLaunchPlan lp ? Optional.of(lp.dag()) : Optional.empty();
            dev.flytejava.runtime.model.Workflow workflow = Shipping.workflowOf(entity);
            List<String> nodes = workflow == null ? List.of()
                    : workflow.nodes().stream().map(dev.flytejava.runtime.model.Node::id).toList();
            RemoteRunView view = new RemoteRunView(entity.name() + " on " + config().target() + " (" + shownId + ", "
                    + consoleUrl(id) + ")", nodes, dag, session.context());
            view.start();
            long t0 = System.nanoTime();
            try {
                Execution done = run.await(id, timeout, view::update);
                Map<String, Object> outputs = javaValues(entity.iface().outputs(), run.outputLiterals(done));
                view.finish(entity.name() + " succeeded remotely in " + (System.nanoTime() - t0) / 1_000_000 + " ms ("
                        + shownId + ")", OutputValues.texts(outputs));
                return null;
            } catch (RuntimeException e) {
                view.finish(e.getMessage(), Map.of());
                throw e;
            }
        }
    }

    private static Duration timeout(String text) {
        try {
            return OptionConverters.positiveDuration(text);
        } catch (IllegalArgumentException e) {
            throw new OptionException("%flyte run --remote: --timeout " + e.getMessage());
        }
    }

    /** The options that say where to register: project, domain, version, image. */
    private static final class Target {
        String project = "flytesnacks";
        String domain = "development";
        String version;
        String image;

        /** Takes the option at {@code i} and its value; false when it is not one of these. */
        boolean take(List<String> words, int i, String command) {
            String option = words.get(i);
            if (!List.of("--project", "--domain", "--version", "--image").contains(option)) return false;
            if (i + 1 >= words.size()) throw new OptionException(command + ": " + option + " needs a value\n" + USAGE);
            String value = words.get(i + 1);
            switch (option) {
                case "--project" -> project = value;
                case "--domain" -> domain = value;
                case "--version" -> version = value;
                default -> image = value;
            }
            return true;
        }
    }

    private record Registered(String name, Target target, RegistrationPlan plan, Registrar.Result result) {
        Table table() {
            return RegistrationTable.of(name, target.project, target.domain, plan.code().fileName(), result);
        }

        /** What an execution of {@code entity} launches: its launch plan, or the task itself. */
        Identifier launchTarget(Entity entity) {
            ResourceType kind = entity instanceof DeclaredWorkflow || entity instanceof DeclaredLaunchPlan
                    ? ResourceType.LAUNCH_PLAN : ResourceType.TASK;
            List<Identifier> all = new ArrayList<>(result.created());
            all.addAll(result.unchanged());
            return all.stream().filter(id -> id.getResourceType() == kind && id.getName().equals(entity.name())).findFirst()
                    .orElseThrow(() -> new OptionException("registering " + entity.name() + " made no "
                            + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " named " + entity.name() + ": " + all));
        }
    }

    private Registered registered(String name, Target target) {
        RegistrationPlan plan = plan(name, target.version, target.image);
        try (AdminClient client = connect()) {
            return new Registered(name, target, plan, new Registrar(client).register(plan, target.project, target.domain));
        }
    }

    /**
     * What registering NAME creates, before a project and domain are chosen: its specs, each entity versioned by its
     * own content unless {@code version} is given, and the code its tasks run.
     */
    RegistrationPlan plan(String name, String version, String image) {
        Entity e = session.entities().find(name).orElseThrow(() -> session.entities().unknown(name, "in %flyte register"));
        CompileOptions compile = CompileOptions.forPackage(env).withVersion(version);
        if (image != null) compile = compile.withDefaultImage(image);
        Shipping.Shipped shipped = new Shipping(session).ship(e, compile, true);
        return new RegistrationPlan(shipped.specs(), shipped.code());
    }

    /** The config a {@code %flyte config} cell set, if one did. */
    Optional<FlyteConfig> configSet() {
        return Optional.ofNullable(configSet);
    }

    /** The inputs as literals of their declared types (a List input is a list of its element type, not of objects). */
    private LiteralMap literals(List<Variable> declared, Map<String, Object> values) {
        LiteralMap.Builder out = LiteralMap.newBuilder();
        for (Variable v : declared) {
            if (values.containsKey(v.name())) out.putLiterals(v.name(), session.typeEngine().toLiteral(values.get(v.name()), v.type()));
        }
        return out.build();
    }

    private Map<String, Object> javaValues(List<Variable> declared, LiteralMap literals) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Variable v : declared) {
            Literal l = literals.getLiteralsMap().get(v.name());
            if (l == null) throw new OptionException("the remote run gave no output [" + v.name() + "]; it gave " + literals.getLiteralsMap().keySet());
            out.put(v.name(), session.typeEngine().toJava(l, v.type()));
        }
        return out;
    }

    /** The Flyte console's page of the execution, on the admin endpoint's host (http when insecure). */
    private String consoleUrl(WorkflowExecutionIdentifier id) {
        return (config().insecure() ? "http://" : "https://") + config().target() + "/console/projects/" + id.getProject()
                + "/domains/" + id.getDomain() + "/executions/" + id.getName();
    }

    /** {@code %flyte reference task|launchplan ...}: the interface from FlyteAdmin, declared as {@link ReferenceTasks} says. */
    Object reference(List<String> words, Declarations declarations) throws Exception {
        ReferenceTasks.Options options = ReferenceTasks.Options.parse(words);
        Identifier id = Identifier.newBuilder().setResourceType(options.launchPlan() ? ResourceType.LAUNCH_PLAN : ResourceType.TASK)
                .setProject(options.project()).setDomain(options.domain()).setName(options.name()).setVersion(options.version()).build();
        flyteidl.admin.Common.ObjectGetRequest get = flyteidl.admin.Common.ObjectGetRequest.newBuilder().setId(id).build();
        flyteidl.core.Interface.TypedInterface registered;
        try (AdminClient client = connect()) {
            if (options.launchPlan()) {
                // what a caller binds: the plan's expected inputs (its fixed ones are not among them) and its outputs
                var closure = client.admin("GetLaunchPlan", a -> a.getLaunchPlan(get)).getClosure();
                var inputs = flyteidl.core.Interface.VariableMap.newBuilder();
                closure.getExpectedInputs().getParametersMap().forEach((name, p) -> inputs.putVariables(name, p.getVar()));
                registered = flyteidl.core.Interface.TypedInterface.newBuilder().setInputs(inputs)
                        .setOutputs(closure.getExpectedOutputs()).build();
            } else {
                registered = client.admin("GetTask", a -> a.getTask(get)).getClosure().getCompiledTask().getTemplate().getInterface();
            }
        }
        return ReferenceTasks.declare(options, registered, declarations, session);
    }

    Object fetch(List<String> words) {
        if (words.size() != 1) throw new OptionException("%flyte fetch needs one execution id\n" + USAGE);
        WorkflowExecutionIdentifier id = RemoteRun.parseId(words.get(0));
        try (AdminClient client = connect()) {
            RemoteRun run = new RemoteRun(client, session.typeEngine());
            Execution e = run.get(id);
            WorkflowExecution.Phase phase = e.getClosure().getPhase();
            List<List<String>> rows = new ArrayList<>();
            if (phase == WorkflowExecution.Phase.SUCCEEDED) {
                run.outputs(e).forEach((k, v) -> rows.add(List.of(k, String.valueOf(v))));
            } else if (e.getClosure().hasError()) {
                rows.add(List.of("error", e.getClosure().getError().getMessage()));
            }
            return new Table("Execution " + RemoteRun.format(id) + ": " + phase, List.of("output", "value"), rows);
        }
    }

}
