package dev.flytejava.testkit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.runtime.remote.AdminClient;
import dev.flytejava.runtime.remote.FlyteConfig;
import dev.flytejava.runtime.remote.FlyteRemoteException;
import dev.flytejava.runtime.remote.RetryPolicy;
import dev.flytejava.testkit.admin.AuthSettings;
import dev.flytejava.testkit.admin.TestAdminExtension;
import flyteidl.admin.ProjectOuterClass.ProjectListRequest;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** flytectl's ClientSecret auth against the testkit's token endpoint, over the loopback port as a user's client. */
class ClientSecretAuthTest {
  private static final String SECRET = "s3cr3t-Zq81-value";
  private static final MovingClock CLOCK = new MovingClock();
  /** Every bearer token the server saw, so the test can look for them in the output. */
  private static final Set<String> TOKENS_SEEN = ConcurrentHashMap.newKeySet();

  @RegisterExtension
  static final TestAdminExtension ADMIN = new TestAdminExtension(b -> b.clock(CLOCK)
      .auth(AuthSettings.clientCredentials("ci-client", SECRET).withTokenLifetime(Duration.ofSeconds(60)))
      .intercept(new TokenRecorder()));

  @TempDir Path dir;
  private final ByteArrayOutputStream output = new ByteArrayOutputStream();
  private final List<String> errors = new ArrayList<>();
  private PrintStream out;
  private PrintStream err;

  @BeforeEach
  void captureOutput() {
    out = System.out;
    err = System.err;
    PrintStream both = new PrintStream(output, true, StandardCharsets.UTF_8);
    System.setOut(both);
    System.setErr(both);
  }

  @AfterEach
  void noSecretNorTokenAnywhere() {
    System.setOut(out);
    System.setErr(err);
    String everything = output.toString(StandardCharsets.UTF_8) + String.join("\n", errors);
    assertFalse(everything.contains(SECRET), "the secret leaked:\n" + everything);
    for (String token : TOKENS_SEEN) {
      assertFalse(everything.contains(token), "a token leaked:\n" + everything);
    }
  }

  private FlyteConfig config(String... keyValues) throws Exception {
    Path file = dir.resolve("config.yaml");
    StringBuilder yaml = new StringBuilder("admin:\n  endpoint: " + ADMIN.endpoint() + "\n  insecure: true\n"
        + "  authType: ClientSecret\n  clientId: ci-client\n");
    for (int i = 0; i < keyValues.length; i += 2) {
      yaml.append("  ").append(keyValues[i]).append(": ").append(keyValues[i + 1]).append('\n');
    }
    Files.writeString(file, yaml);
    return FlyteConfig.read(file);
  }

  private int projects(FlyteConfig config, Map<String, String> env) {
    try (AdminClient client = AdminClient.connect(config, env, RetryPolicy.DEFAULT)) {
      System.out.println("client: " + client + " config: " + config);
      return client.admin("ListProjects", a -> a.listProjects(ProjectListRequest.getDefaultInstance()))
          .getProjectsCount();
    }
  }

  @Test
  void theSecretFromAFileOpensCalls() throws Exception {
    Path secret = dir.resolve("secret");
    Files.writeString(secret, SECRET + "\n");
    assertEquals(1, projects(config("clientSecretLocation", secret.toString()), Map.of()));
    assertFalse(TOKENS_SEEN.isEmpty());
  }

  @Test
  void theSecretFromAnEnvironmentVariableOpensCalls() throws Exception {
    assertEquals(1, projects(config("clientSecretEnvVar", "CI_FLYTE_SECRET"), Map.of("CI_FLYTE_SECRET", SECRET)));
  }

  @Test
  void aWrongSecretIsAClearError() throws Exception {
    FlyteRemoteException e = assertThrows(FlyteRemoteException.class,
        () -> projects(config("clientSecretEnvVar", "CI_FLYTE_SECRET"), Map.of("CI_FLYTE_SECRET", "not-it")));
    errors.add(String.valueOf(e));
    errors.add(stackTrace(e));
    assertTrue(e.getMessage().contains("refused client 'ci-client'"), e.getMessage());
    assertTrue(e.getMessage().contains("invalid_client"), e.getMessage());
    assertFalse(e.getMessage().contains("not-it"), e.getMessage());
  }

  @Test
  void aMissingEnvironmentVariableIsNamed() throws Exception {
    FlyteRemoteException e = assertThrows(FlyteRemoteException.class,
        () -> projects(config("clientSecretEnvVar", "CI_FLYTE_SECRET"), Map.of()));
    assertEquals("admin.clientSecretEnvVar names CI_FLYTE_SECRET, which is not set", e.getMessage());
  }

  @Test
  void anExpiredTokenIsRefreshedOnce() throws Exception {
    FlyteConfig config = config("clientSecretEnvVar", "S");
    try (AdminClient client = AdminClient.connect(config, Map.of("S", SECRET), RetryPolicy.DEFAULT)) {
      int before = ADMIN.admin().tokensIssued();
      client.admin("ListProjects", a -> a.listProjects(ProjectListRequest.getDefaultInstance()));
      assertEquals(before + 1, ADMIN.admin().tokensIssued());
      client.admin("ListProjects", a -> a.listProjects(ProjectListRequest.getDefaultInstance()));
      assertEquals(before + 1, ADMIN.admin().tokensIssued(), "the cached token is reused");

      CLOCK.advance(Duration.ofSeconds(61)); // the server now finds the client's cached token expired
      int calls = ADMIN.calls("ListProjects");
      assertEquals(1, client.admin("ListProjects", a -> a.listProjects(ProjectListRequest.getDefaultInstance()))
          .getProjectsCount());
      assertEquals(before + 2, ADMIN.admin().tokensIssued(), "one new token");
      assertEquals(calls + 2, ADMIN.calls("ListProjects"), "refused once, then answered");
    }
  }

  private static String stackTrace(Throwable t) {
    var s = new java.io.StringWriter();
    t.printStackTrace(new java.io.PrintWriter(s));
    return s.toString();
  }

  /** Records the bearer tokens that arrive, before the server's own check. */
  private static final class TokenRecorder implements ServerInterceptor {
    private static final Metadata.Key<String> AUTH = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
        ServerCallHandler<Q, A> next) {
      String h = headers.get(AUTH);
      if (h != null && h.startsWith("Bearer ")) {
        assertNotNull(h);
        TOKENS_SEEN.add(h.substring(7));
      }
      return next.startCall(call, headers);
    }
  }
}
