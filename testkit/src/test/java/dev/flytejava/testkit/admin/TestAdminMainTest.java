package dev.flytejava.testkit.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flyteidl.admin.ProjectOuterClass.ProjectListRequest;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code flyte-java-testkit admin} as a process: the ready line, serving on its port, auth from a secret file. */
class TestAdminMainTest {
  @Test
  void theProcessPrintsItsReadyLineServesAndStopsOnSigterm(@TempDir Path dir) throws Exception {
    Path secret = Files.writeString(dir.resolve("secret"), "very-secret-value\n");
    Path storage = Files.createDirectory(dir.resolve("storage"));
    Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), TestAdminMain.class.getName(), "admin", "--port", "0",
        "--storage", storage.toUri().toString(), "--auth", "ci:" + secret))
        .redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String ready = out.readLine();
      Matcher m = Pattern.compile("flyte-java-testkit admin ready on dns:///127\\.0\\.0\\.1:(\\d+) \\(storage "
          + "file:.*storage, token endpoint http://127\\.0\\.0\\.1:\\d+/oauth2/token\\)").matcher(ready);
      assertTrue(m.matches(), ready);
      assertFalse(ready.contains("very-secret-value"));
      var channel = NettyChannelBuilder.forAddress("127.0.0.1", Integer.parseInt(m.group(1))).usePlaintext().build();
      try {
        StatusRuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
            () -> AdminServiceGrpc.newBlockingStub(channel).listProjects(ProjectListRequest.getDefaultInstance()));
        assertEquals(Status.Code.UNAUTHENTICATED, e.getStatus().getCode());
      } finally {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
      }
    } finally {
      process.destroy();
      assertTrue(process.waitFor(20, TimeUnit.SECONDS), "stops on SIGTERM");
    }
  }

  @Test
  void badArgumentsAreNamed() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> TestAdminMain.start(new String[] {"admin", "--port", "x"}));
    assertEquals("--port takes a number, got x", e.getMessage());
    e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> TestAdminMain.start(new String[] {"admin", "--auth", "no-colon"}));
    assertTrue(e.getMessage().contains("CLIENT_ID:SECRET_FILE"), e.getMessage());
    e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> TestAdminMain.start(new String[] {"propeller"}));
    assertTrue(e.getMessage().contains("unknown command 'propeller'"), e.getMessage());
  }
}
