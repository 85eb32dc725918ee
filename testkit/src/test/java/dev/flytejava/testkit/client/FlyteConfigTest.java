package dev.flytejava.testkit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.runtime.remote.AdminClient;
import dev.flytejava.runtime.remote.FlyteConfig;
import dev.flytejava.runtime.remote.FlyteConfig.AuthType;
import dev.flytejava.runtime.remote.FlyteRemoteException;
import dev.flytejava.runtime.remote.RetryPolicy;
import dev.flytejava.testkit.admin.TestAdminExtension;
import flyteidl.admin.ProjectOuterClass.ProjectListRequest;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** flytectl's config file, FLYTECTL_CONFIG, overrides, and ExternalCommand tokens on the wire. */
class FlyteConfigTest {
  private static final List<String> AUTH_HEADERS = new CopyOnWriteArrayList<>();

  @RegisterExtension
  static final TestAdminExtension ADMIN = new TestAdminExtension(b -> b.intercept(new ServerInterceptor() {
    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
        ServerCallHandler<Q, A> next) {
      String h = headers.get(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER));
      if (h != null) {
        AUTH_HEADERS.add(h);
      }
      return next.startCall(call, headers);
    }
  }));

  @TempDir Path dir;

  @Test
  void readsFlytectlsKeysFromTheFileFlytectlConfigNames() throws Exception {
    Path file = dir.resolve("flytectl.yaml");
    Files.writeString(file, """
        admin:
          endpoint: dns:///flyte.example.com:8443
          insecure: false
          caCertFilePath: /etc/ca.pem
          authType: ClientSecret
          clientId: flytepropeller
          clientSecretLocation: /etc/secrets/client_secret
          scopes:
            - all
            - offline
          maxRetries: 3
        logger:
          level: 0
        """);
    FlyteConfig c = FlyteConfig.load(Map.of("FLYTECTL_CONFIG", file.toString()));
    assertEquals("flyte.example.com:8443", c.target());
    assertEquals(AuthType.CLIENT_SECRET, c.authType());
    assertEquals("flytepropeller", c.clientId());
    assertEquals("/etc/ca.pem", c.caCertFilePath());
    assertEquals(List.of("all", "offline"), c.scopes());
    assertEquals("localhost:30080", c.with("endpoint", "localhost:30080", "").target());
  }

  @Test
  void badValuesNameTheKeyAndTheFile() throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "admin:\n  endpoint: dns:///h:1\n  authType: Basic\n");
    FlyteRemoteException e = assertThrows(FlyteRemoteException.class, () -> FlyteConfig.read(file));
    assertEquals("admin.authType in " + file + " is 'Basic'; flytectl's types are ClientSecret, Pkce and ExternalCommand",
        e.getMessage());
    FlyteRemoteException unknown = assertThrows(FlyteRemoteException.class,
        () -> FlyteConfig.empty().with("endpiont", "x", "in %flyte config"));
    assertTrue(unknown.getMessage().startsWith("unknown Flyte config key 'endpiont' in %flyte config"),
        unknown.getMessage());
    FlyteRemoteException none = assertThrows(FlyteRemoteException.class, () -> FlyteConfig.empty().target());
    assertTrue(none.getMessage().startsWith("no FlyteAdmin endpoint"), none.getMessage());
  }

  @Test
  void externalCommandsOutputIsTheBearerToken() {
    FlyteConfig c = FlyteConfig.empty().with("endpoint", ADMIN.endpoint(), "").with("insecure", "true", "")
        .with("authType", "ExternalCommand", "").with("command", "echo,ext-token-42", "");
    try (AdminClient client = AdminClient.connect(c, Map.of(), RetryPolicy.DEFAULT)) {
      client.admin("ListProjects", a -> a.listProjects(ProjectListRequest.getDefaultInstance()));
    }
    assertEquals(List.of("Bearer ext-token-42"), AUTH_HEADERS);
  }
}
