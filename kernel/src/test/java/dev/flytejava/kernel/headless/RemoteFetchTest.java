package dev.flytejava.kernel.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flytejava.magics.flyte.render.Table;
import dev.flytejava.runtime.remote.AdminClient;
import dev.flytejava.runtime.remote.FlyteConfig;
import dev.flytejava.runtime.remote.RemoteRun;
import dev.flytejava.runtime.remote.RetryPolicy;
import dev.flytejava.runtime.storage.Storage;
import dev.flytejava.runtime.types.TypeEngine;
import dev.flytejava.testkit.admin.ProcessLauncher;
import dev.flytejava.testkit.admin.TestAdmin;
import flyteidl.admin.TaskOuterClass.TaskCreateRequest;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Tasks.Container;
import flyteidl.core.Tasks.TaskMetadata;
import flyteidl.core.Tasks.TaskTemplate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code %flyte fetch} shows a finished remote execution's outputs (a shell task on the testkit's launcher). */
class RemoteFetchTest {
    private static final TypeEngine ENGINE = TypeEngine.createDefault(RemoteFetchTest.class.getClassLoader());

    @TempDir
    Path work;

    @Test
    void fetchShowsTheOutputsOfASucceededExecution() throws Exception {
        LiteralMap outputs = LiteralMap.newBuilder().putLiterals("o", ENGINE.toLiteral(42L, Long.class)).build();
        String script = "p='{{ .outputPrefix }}'; p=${p#file://}; mkdir -p $p; echo "
                + Base64.getEncoder().encodeToString(outputs.toByteArray()) + " | base64 -d > $p/outputs.pb";
        try (Storage storage = Storage.create(); TestAdmin admin = TestAdmin.builder()
                .executions(new ProcessLauncher(storage, Path.of("/bin"), work, Duration.ofMinutes(1))).start()) {
            FlyteConfig config = FlyteConfig.empty().with("endpoint", admin.endpoint(), "").with("insecure", "true", "");
            try (AdminClient client = AdminClient.connect(config, Map.of(), RetryPolicy.DEFAULT)) {
                Identifier task = register(client, script);
                RemoteRun run = new RemoteRun(client, ENGINE);
                run.await(run.start(task, Map.of(), "f1"), Duration.ofSeconds(60), nodes -> { });
            }
            Path file = work.resolve("config.yaml");
            Files.writeString(file, "admin:\n  endpoint: " + admin.endpoint() + "\n  insecure: true\n");
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
            try (HeadlessSession session = HeadlessSession.start(out, out)) {
                session.run("%flyte config --file " + file);
                Table shown = (Table) session.run("%flyte fetch flytesnacks:development:f1").orElseThrow();
                assertEquals("Execution flytesnacks:development:f1: SUCCEEDED", shown.caption());
                assertEquals(List.of(List.of("o", "42")), shown.rows());
            } catch (CellFailedException e) {
                throw new AssertionError(e.getMessage() + "\n" + log.toString(StandardCharsets.UTF_8), e);
            }
        }
    }

    private static Identifier register(AdminClient client, String script) {
        Identifier id = Identifier.newBuilder().setResourceType(ResourceType.TASK).setProject("flytesnacks")
                .setDomain("development").setName("answers").setVersion("v1").build();
        TypedInterface io = TypedInterface.newBuilder().setOutputs(VariableMap.newBuilder().putVariables("o",
                Variable.newBuilder().setType(ENGINE.literalTypeOf(Long.class)).build())).build();
        client.admin("CreateTask", a -> a.createTask(TaskCreateRequest.newBuilder().setId(id).setSpec(TaskSpec.newBuilder()
                .setTemplate(TaskTemplate.newBuilder().setId(id).setType("raw-container")
                        .setMetadata(TaskMetadata.getDefaultInstance()).setInterface(io)
                        .setContainer(Container.newBuilder().setImage("debian").addCommand("sh").addArgs("-c").addArgs(script))))
                .build()));
        return id;
    }
}
