package dev.flytejava.testkit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.runtime.remote.AdminClient;
import dev.flytejava.runtime.remote.FlyteConfig;
import dev.flytejava.runtime.remote.FlyteRemoteException;
import dev.flytejava.runtime.remote.RetryPolicy;
import dev.flytejava.testkit.admin.AuthSettings;
import dev.flytejava.testkit.admin.TestAdmin;
import flyteidl.admin.ProjectOuterClass.ProjectListRequest;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * flytectl's Pkce login against the testkit's authorization server: the login URL goes to the prompt, a browser
 * (here an HTTP client that follows the redirect, as a user who consents) brings the code back to the local
 * listener, and the code and verifier buy an access and a refresh token. Later clients reuse the login; an expired
 * token is refreshed without a new login.
 */
class PkceAuthTest {
  private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

  @TempDir Path dir;

  private final List<String> shown = new CopyOnWriteArrayList<>();
  private final List<String> pages = new CopyOnWriteArrayList<>();

  /** Shows the URL (records it) and opens it as a browser would, on another thread. */
  private final Consumer<String> browser = url -> {
    shown.add(url);
    Thread t = new Thread(() -> {
      try {
        pages.add(BROWSER.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body());
      } catch (Exception e) {
        pages.add("browser failed: " + e);
      }
    });
    t.setDaemon(true);
    t.start();
  };

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private FlyteConfig config(TestAdmin admin) throws Exception {
    Path file = Files.writeString(dir.resolve("config.yaml"), "admin:\n  endpoint: " + admin.endpoint()
        + "\n  insecure: true\n  authType: Pkce\n");
    return FlyteConfig.read(file);
  }

  private int projects(FlyteConfig config, Consumer<String> prompt) {
    try (AdminClient client = AdminClient.connect(config, Map.of(), RetryPolicy.DEFAULT, prompt)) {
      return client.admin("ListProjects", a -> a.listProjects(ProjectListRequest.getDefaultInstance())).getProjectsCount();
    }
  }

  @Test
  void logsInOnceThroughTheBrowserThenReusesAndRefreshesTheTokens() throws Exception {
    MovingClock clock = new MovingClock();
    String redirect = "http://localhost:" + freePort() + "/callback";
    try (TestAdmin admin = TestAdmin.builder().clock(clock)
        .auth(AuthSettings.clientCredentials("ci", "unused-secret").withTokenLifetime(Duration.ofMinutes(10))
            .withRedirectUri(redirect)).start()) {
      FlyteConfig config = config(admin);
      assertEquals(1, projects(config, browser));
      assertEquals(1, shown.size());
      URI login = URI.create(shown.get(0));
      assertTrue(login.toString().startsWith(admin.tokenUrl().replace("/oauth2/token", "/oauth2/authorize") + "?"), login.toString());
      assertTrue(login.getQuery().contains("code_challenge_method=S256") && login.getQuery().contains("client_id=flytectl")
          && login.getQuery().contains("redirect_uri=" + redirect), login.getQuery());
      assertEquals(List.of("Logged in to Flyte. You can close this tab."), pages);
      assertEquals(1, admin.logins());

      assertEquals(1, projects(config, url -> { throw new AssertionError("asked to log in again: " + url); }));
      assertEquals(1, admin.tokensIssued(), "the next client reuses the login's token");

      clock.advance(Duration.ofHours(1)); // the server now sees the token as expired
      assertEquals(1, projects(config, url -> { throw new AssertionError("asked to log in again: " + url); }));
      assertEquals(2, admin.tokensIssued(), "refreshed with the refresh token");
      assertEquals(1, admin.logins(), "without a new login");
    }
  }

  @Test
  void aRedirectPortInUseIsNamed() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, java.net.InetAddress.getByName("localhost"));
         TestAdmin admin = TestAdmin.builder().auth(AuthSettings.clientCredentials("ci", "unused-secret")
             .withRedirectUri("http://localhost:" + busy.getLocalPort() + "/callback")).start()) {
      FlyteRemoteException e = assertThrows(FlyteRemoteException.class, () -> projects(config(admin), browser));
      assertTrue(e.getMessage().contains("cannot listen on http://localhost:" + busy.getLocalPort() + "/callback"),
          e.getMessage());
      assertEquals(0, admin.logins());
    }
  }
}
