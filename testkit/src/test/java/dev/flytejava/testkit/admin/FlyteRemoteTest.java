package dev.flytejava.testkit.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.runtime.storage.Storage;
import dev.flytejava.runtime.storage.StorageUri;
import java.nio.file.Path;
import java.time.Duration;
import flyteidl.core.Literals.LiteralMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * flytekit's own client against the testkit on its loopback port: FlyteRemote fast-registers a Python workflow
 * (the code archive goes up through the data proxy's presigned PUT), registers it again unchanged, and reads
 * the workflow, task and launch plan back. So the double speaks FlyteAdmin's API, not only our client's.
 */
class FlyteRemoteTest {
  @RegisterExtension
  static final TestAdminExtension ADMIN = new TestAdminExtension();

  @Test
  void flyteRemoteRegistersAPythonWorkflowWithItsCodeUploadedThroughTheDataProxy(@TempDir Path dir) throws Exception {
    FlytekitPython python = FlytekitPython.locate();
    FlytekitPython.Result r = python.run(dir, Duration.ofMinutes(3), Map.of(), "flyteremote_register.py",
        ADMIN.admin().hostAndPort(), "v1");
    assertEquals(0, r.exitCode(), r.output());
    assertEquals("remote_wf.remote_wf:v1", r.results().get("registered"), r.output());
    assertEquals("ok", r.results().get("again"));
    assertEquals("2", r.results().get("nodes"));
    assertEquals("remote_wf.remote_wf", r.results().get("launchplan"));

    String code = r.results().get("code");
    assertTrue(code.startsWith(ADMIN.storageRoot().toString()), code);
    assertTrue(ADMIN.admin().storage().exists(StorageUri.parse(code)), "the uploaded archive is in storage: " + code);
    assertTrue(ADMIN.calls("CreateUploadLocation") >= 1);
    assertEquals(2, ADMIN.admin().tasks());
    assertEquals(1, ADMIN.admin().workflows());
    assertEquals(1, ADMIN.admin().launchPlans());
  }

  @Test
  void flyteRemoteStartsAnExecutionWithTheLaunchPlansDefaultsMerged(@TempDir Path dir) throws Exception {
    FlytekitPython python = FlytekitPython.locate();
    List<ExecutionLauncher.Launch> launched = new CopyOnWriteArrayList<>();
    // records what FlyteAdmin hands propeller; the execution stays queued, nothing runs it
    try (TestAdmin admin = TestAdmin.builder().executions((launch, events) -> {
      launched.add(launch);
      return cause -> {};
    }).start()) {
      FlytekitPython.Result r = python.run(dir, Duration.ofMinutes(3), Map.of(), "flyteremote_register.py",
          admin.hostAndPort(), "v1", "--create");
      assertEquals(0, r.exitCode(), r.output());
      assertEquals("fromflytekit", r.results().get("execution"), r.output());
      assertEquals("0", r.results().get("fetched_phase"), "UNDEFINED until propeller reports");
      assertEquals("remote_wf.remote_wf", r.results().get("launch_plan"));
      assertEquals(1, launched.size());
      LiteralMap inputs = launched.get(0).inputs();
      assertEquals(5, inputs.getLiteralsOrThrow("x").getScalar().getPrimitive().getInteger(), "given by flytekit");
      assertEquals("flyte", inputs.getLiteralsOrThrow("name").getScalar().getPrimitive().getStringValue(),
          "the workflow's default, through the launch plan");
      assertEquals(inputs, LiteralMap.parseFrom(admin.storage().read(
          StorageUri.parse(launched.get(0).metadataPrefix()).resolve("inputs.pb"))));
    }
  }

  @Test
  void flytekitsClientSecretAuthGetsATokenFromTheTestkit(@TempDir Path dir) {
    FlytekitPython python = FlytekitPython.locate();
    try (TestAdmin admin = TestAdmin.builder().auth(AuthSettings.clientCredentials("flytekit-ci", "py-s3cret"))
        .start()) {
      FlytekitPython.Result r = python.run(dir, Duration.ofMinutes(2), Map.of("TESTKIT_SECRET", "py-s3cret"),
          "flyteremote_auth.py", admin.hostAndPort(), "flytekit-ci");
      assertEquals(0, r.exitCode(), r.output());
      assertEquals("1", r.results().get("projects"), r.output());
      assertEquals(1, admin.tokensIssued());
      assertEquals(2, admin.calls("ListProjects"),
          "flytekit calls without a token first, and again with one after UNAUTHENTICATED");
      assertTrue(!r.output().contains("py-s3cret"), "the secret is not printed");
    }
  }

  @Test
  void pyflyteRegisterRegistersTheScriptsEntities(@TempDir Path dir) {
    FlytekitPython python = FlytekitPython.locate();
    try (TestAdmin admin = TestAdmin.builder().start()) {
      FlytekitPython.Result r = python.run(dir, Duration.ofMinutes(2), Map.of(), "pyflyte_register.py",
          admin.hostAndPort(), "p1");
      assertEquals(0, r.exitCode(), r.output());
      assertTrue(r.output().contains("Successfully registered 4 entities"), r.output());
      assertEquals(2, admin.tasks());
      assertEquals(1, admin.workflows());
      assertEquals(1, admin.launchPlans());
      assertEquals(1, admin.calls("CreateUploadLocation"), "the code went up through the data proxy");
    }
  }

  @Test
  void flyteRemoteRunsTheWorkflowToSucceededWithItsOutputs(@TempDir Path dir) throws Exception {
    FlytekitPython python = FlytekitPython.locate();
    Path work = java.nio.file.Files.createDirectories(dir.resolve("tasks"));
    Path script = java.nio.file.Files.createDirectories(dir.resolve("script"));
    try (Storage storage = Storage.create();
        TestAdmin admin = TestAdmin.builder().executions(new ProcessLauncher(storage, python.binDirectory(), work,
            Duration.ofMinutes(2))).start()) {
      FlytekitPython.Result r = python.run(script, Duration.ofMinutes(4), Map.of(), "flyteremote_register.py",
          admin.hostAndPort(), "v1", "--run");
      assertEquals(0, r.exitCode(), r.output());
      assertEquals("4", r.results().get("phase"), "SUCCEEDED: " + r.output());
      assertEquals("hello java hello java hello java hello java", r.results().get("output"), r.output());
      assertTrue(admin.calls("ListNodeExecutions") >= 1, "flytekit followed the nodes");
    }
  }
}
