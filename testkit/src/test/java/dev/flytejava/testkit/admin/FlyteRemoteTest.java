package dev.flytejava.testkit.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.runtime.storage.StorageUri;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
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
}
