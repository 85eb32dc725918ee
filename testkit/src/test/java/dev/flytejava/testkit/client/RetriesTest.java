package dev.flytejava.testkit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.runtime.remote.AdminCallException;
import dev.flytejava.runtime.remote.AdminClient;
import dev.flytejava.runtime.remote.FlyteConfig;
import dev.flytejava.runtime.remote.RetryPolicy;
import dev.flytejava.testkit.admin.Faults;
import dev.flytejava.testkit.admin.TestAdminExtension;
import flyteidl.admin.ProjectOuterClass.ProjectListRequest;
import flyteidl.admin.TaskOuterClass.TaskCreateRequest;
import flyteidl.admin.VersionOuterClass.GetVersionRequest;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Which failures the client retries, and that it stops within its overall deadline. */
class RetriesTest {
  @RegisterExtension
  static final TestAdminExtension ADMIN = new TestAdminExtension(b -> b.intercept(
      Faults.fail("ListProjects", 2, Status.UNAVAILABLE), Faults.delay("GetVersion", Duration.ofSeconds(5))));

  private static final RetryPolicy QUICK =
      new RetryPolicy(Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofMillis(20), Duration.ofMillis(100));
  private AdminClient client;

  @BeforeEach
  void connect() {
    FlyteConfig config = FlyteConfig.empty().with("endpoint", ADMIN.endpoint(), "in the test")
        .with("insecure", "true", "in the test");
    client = AdminClient.connect(config, Map.of(), QUICK);
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void unavailableTwiceThenSuccessIsRetried() {
    int before = ADMIN.calls("ListProjects");
    assertEquals(1, client.admin("ListProjects", a -> a.listProjects(ProjectListRequest.getDefaultInstance()))
        .getProjectsCount());
    assertEquals(before + 3, ADMIN.calls("ListProjects"), "two refused, the third answered");
  }

  @Test
  void aDeadlineThatExpiresIsAClearErrorWithinTheBound() {
    long start = System.nanoTime();
    AdminCallException e = assertThrows(AdminCallException.class,
        () -> client.admin("GetVersion", a -> a.getVersion(GetVersionRequest.getDefaultInstance())));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertEquals(Status.Code.DEADLINE_EXCEEDED, e.code());
    assertTrue(e.getMessage().startsWith("GetVersion failed: DEADLINE_EXCEEDED"), e.getMessage());
    assertTrue(e.getMessage().contains("within 1s)"), e.getMessage());
    // the acceptance point itself: the error comes within the configured bound, not after the server's 5 s
    assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "took " + took);
  }

  @Test
  void invalidArgumentIsNotRetriedAndShowsFlyteAdminsMessage() {
    TaskCreateRequest noProject = TaskCreateRequest.newBuilder().setId(Identifier.newBuilder()
        .setResourceType(ResourceType.TASK).setDomain("development").setName("t").setVersion("v1")).build();
    int before = ADMIN.calls("CreateTask");
    AdminCallException e = assertThrows(AdminCallException.class,
        () -> client.admin("CreateTask", a -> a.createTask(noProject)));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.code());
    assertTrue(e.getMessage().startsWith("CreateTask failed: INVALID_ARGUMENT: "), e.getMessage());
    assertTrue(e.getMessage().contains("missing project"), e.getMessage());
    assertEquals(before + 1, ADMIN.calls("CreateTask"), "not retried");
  }
}
