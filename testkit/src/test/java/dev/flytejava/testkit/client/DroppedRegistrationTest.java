package dev.flytejava.testkit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.runtime.idl.CompiledEntities;
import dev.flytejava.runtime.packaging.ShippedCode;
import dev.flytejava.runtime.remote.AdminCallException;
import dev.flytejava.runtime.remote.AdminClient;
import dev.flytejava.runtime.remote.FlyteConfig;
import dev.flytejava.runtime.remote.Registrar;
import dev.flytejava.runtime.remote.RetryPolicy;
import dev.flytejava.testkit.admin.Faults;
import dev.flytejava.testkit.admin.TestAdminExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The connection drops after FlyteAdmin created the workflow: the next registration completes, no duplicates. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DroppedRegistrationTest {
  @RegisterExtension
  static final TestAdminExtension ADMIN = new TestAdminExtension(b -> b.intercept(
      Faults.dropReply("CreateWorkflow", 1), Faults.dropReply("CreateLaunchPlan", 2)));

  /** Gives up at the first failure: the backoff alone is longer than the overall deadline. */
  private static final RetryPolicy NO_RETRY =
      new RetryPolicy(Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(10));

  private static AdminClient connect(RetryPolicy retry) {
    return AdminClient.connect(FlyteConfig.empty().with("endpoint", ADMIN.endpoint(), "")
        .with("insecure", "true", ""), Map.of(), retry);
  }

  @Test
  @Order(1)
  void theNextRunCompletesWithoutDuplicates() {
    ShippedCode code = Chains.code("jar");
    CompiledEntities specs = Chains.compile(3, "step", code);
    try (AdminClient client = connect(NO_RETRY)) {
      AdminCallException e = assertThrows(AdminCallException.class, () -> new Registrar(client).register(specs, code));
      assertTrue(e.getMessage().startsWith("CreateWorkflow failed: UNAVAILABLE"), e.getMessage());
    }
    assertEquals(1, ADMIN.admin().workflows(), "the dropped call did its work");
    assertEquals(0, ADMIN.admin().launchPlans());

    try (AdminClient client = connect(NO_RETRY)) {
      Registrar.Result next = new Registrar(client).register(specs, code);
      assertEquals(1, next.created().size(), "only the launch plan was left: " + next.created());
    }
    assertEquals(2, ADMIN.admin().tasks());
    assertEquals(1, ADMIN.admin().workflows());
    assertEquals(1, ADMIN.admin().launchPlans());
    assertEquals(2, ADMIN.calls("CreateTask"), "each task created once");
    assertEquals(1, ADMIN.calls("CreateWorkflow"), "the workflow was found, not created again");
  }

  @Test
  @Order(2)
  void aRetriedCreateWhoseFirstReplyWasLostIsDone() {
    // CreateLaunchPlan's second call (this test's registration) loses its reply; the retry meets ALREADY_EXISTS
    ShippedCode code = Chains.code("jar 2");
    CompiledEntities specs = Chains.compile(2, "step 2", code);
    try (AdminClient client = connect(RetryPolicy.DEFAULT)) {
      Registrar.Result r = new Registrar(client).register(specs, code);
      assertEquals(3, r.created().size(), r.created().toString());
      assertEquals(1, r.unchanged().size(), "the launch plan, found registered after ALREADY_EXISTS");
    }
    assertEquals(3, ADMIN.calls("CreateLaunchPlan"), "one in the first test, the lost one and its retry");
  }
}
