package dev.flytejava.magics.flyte;

import dev.flytejava.magics.flyte.options.OptionException;
import dev.flytejava.magics.flyte.render.Table;
import dev.flytejava.runtime.idl.CompileOptions;
import dev.flytejava.runtime.remote.AdminClient;
import dev.flytejava.runtime.remote.FlyteConfig;
import dev.flytejava.runtime.remote.Registrar;
import dev.flytejava.runtime.remote.RemoteRun;
import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.core.Execution.WorkflowExecution;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import dev.flytejava.runtime.remote.RetryPolicy;
import flyteidl.core.IdentifierOuterClass.Identifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code %flyte config} and {@code %flyte register}: flytectl's config with this session's overrides on top, and
 * registration of a declared entity through FlyteAdmin.
 */
final class RemoteCommands {
    static final String USAGE = String.join("\n",
            "%flyte config [KEY=VALUE]... | --file F   show or override flytectl's admin.* config for this session",
            "%flyte register NAME [--project P] [--domain D] [--version V] [--image IMAGE]   upload the code, register",
            "%flyte fetch PROJECT:DOMAIN:NAME        a remote execution's phase, and its outputs once it succeeded");

    private final FlyteSession session;
    private final Map<String, String> env;
    private FlyteConfig config;

    RemoteCommands(FlyteSession session, Map<String, String> env) {
        this.session = session;
        this.env = env;
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
        String name = words.get(0);
        String project = "flytesnacks";
        String domain = "development";
        String version = null;
        String image = null;
        for (int i = 1; i < words.size(); i += 2) {
            String option = words.get(i);
            if (i + 1 >= words.size()) throw new OptionException("%flyte register: " + option + " needs a value\n" + USAGE);
            String value = words.get(i + 1);
            switch (option) {
                case "--project" -> project = value;
                case "--domain" -> domain = value;
                case "--version" -> version = value;
                case "--image" -> image = value;
                default -> throw new OptionException("%flyte register: unknown option [" + option + "]\n" + USAGE);
            }
        }
        Entity e = session.entities().find(name).orElseThrow(() -> session.entities().unknown(name, "in %flyte register"));
        CompileOptions compile = CompileOptions.forPackage(env).withTarget(project, domain).withVersion(version);
        if (image != null) compile = compile.withDefaultImage(image);
        Shipping.Shipped shipped = new Shipping(session).ship(e, compile);
        Registrar.Result result;
        try (AdminClient client = AdminClient.connect(config(), env, RetryPolicy.DEFAULT)) {
            result = new Registrar(client).register(shipped.specs(), shipped.code());
        }
        List<List<String>> rows = new ArrayList<>();
        result.created().forEach(id -> rows.add(row(id, "created")));
        result.unchanged().forEach(id -> rows.add(row(id, "unchanged")));
        return new Table("Registered " + name + " in " + project + "/" + domain + " (code " + result.codeUrl() + ")",
                List.of("kind", "name", "version", "result"), rows);
    }

    Object fetch(List<String> words) {
        if (words.size() != 1) throw new OptionException("%flyte fetch needs one execution id\n" + USAGE);
        WorkflowExecutionIdentifier id = RemoteRun.parseId(words.get(0));
        try (AdminClient client = AdminClient.connect(config(), env, RetryPolicy.DEFAULT)) {
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

    private static List<String> row(Identifier id, String what) {
        return List.of(id.getResourceType().name().toLowerCase(Locale.ROOT).replace('_', ' '), id.getName(), id.getVersion(), what);
    }
}
