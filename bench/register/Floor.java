import dev.flytejava.runtime.remote.AdminCallException;
import dev.flytejava.runtime.remote.AdminClient;
import dev.flytejava.runtime.remote.FlyteConfig;
import dev.flytejava.runtime.remote.RetryPolicy;
import flyteidl.admin.Common.ObjectGetRequest;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import java.nio.file.Path;

/**
 * The floor of an unchanged registration on the JVM: read the flytectl config, connect, make the one look-up that
 * an unchanged `flyte-java register` makes (GetLaunchPlan of the root), exit. Nothing else: no notebook, no plan.
 *   java -cp flyte-java.jar:floor.jar Floor CONFIG PROJECT DOMAIN NAME VERSION   (exit 0 found, 3 not found)
 */
public final class Floor {
  public static void main(String[] a) {
    Identifier id = Identifier.newBuilder().setResourceType(ResourceType.LAUNCH_PLAN).setProject(a[1]).setDomain(a[2])
        .setName(a[3]).setVersion(a[4]).build();
    int status = 0;
    try (AdminClient client = AdminClient.connect(FlyteConfig.read(Path.of(a[0])), System.getenv(), RetryPolicy.DEFAULT)) {
      client.admin("GetLaunchPlan", s -> s.getLaunchPlan(ObjectGetRequest.newBuilder().setId(id).build()));
    } catch (AdminCallException e) {
      status = 3;
    }
    System.exit(status); // as flyte-java exits: netty's global executor thread would hold a returning main for 1 s
  }
}
