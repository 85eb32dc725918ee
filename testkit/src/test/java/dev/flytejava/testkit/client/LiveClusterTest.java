package dev.flytejava.testkit.client;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.flytejava.runtime.remote.AdminClient;
import dev.flytejava.runtime.remote.FlyteConfig;
import dev.flytejava.runtime.remote.RetryPolicy;
import flyteidl.admin.ProjectOuterClass.ProjectListRequest;
import flyteidl.admin.VersionOuterClass.GetVersionRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Against a real FlyteAdmin: FLYTE_JAVA_IT_ENDPOINT (dns:///HOST:PORT) on top of the user's flytectl config
 * (FLYTECTL_CONFIG or ~/.flyte/config.yaml, which carries the auth). Skipped unless the variable is set.
 */
@EnabledIfEnvironmentVariable(named = "FLYTE_JAVA_IT_ENDPOINT", matches = ".+")
class LiveClusterTest {
  @Test
  void talksToTheCluster() {
    Map<String, String> env = System.getenv();
    FlyteConfig config = FlyteConfig.load(env).with("endpoint", env.get("FLYTE_JAVA_IT_ENDPOINT"), "from FLYTE_JAVA_IT_ENDPOINT");
    try (AdminClient client = AdminClient.connect(config, env, RetryPolicy.DEFAULT)) {
      String version = client.admin("GetVersion", a -> a.getVersion(GetVersionRequest.getDefaultInstance()))
          .getControlPlaneVersion().getVersion();
      System.out.println("FlyteAdmin version " + version);
      assertFalse(client.admin("ListProjects", a -> a.listProjects(ProjectListRequest.getDefaultInstance()))
          .getProjectsList().isEmpty(), "the cluster has projects");
    }
  }
}
