package dev.flytejava.testkit.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.runtime.idl.CompiledEntities;
import dev.flytejava.runtime.remote.AdminClient;
import dev.flytejava.runtime.remote.FlyteConfig;
import dev.flytejava.runtime.remote.FlyteRemoteException;
import dev.flytejava.runtime.remote.Registrar;
import dev.flytejava.runtime.remote.RetryPolicy;
import dev.flytejava.runtime.storage.StorageUri;
import dev.flytejava.testkit.admin.TestAdminExtension;
import flyteidl.admin.Common.ObjectGetRequest;
import dev.flytejava.runtime.packaging.ShippedCode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Registration through the data proxy and Get-before-Create, on the testkit over its loopback port. */
class RegistrationTest {
  @RegisterExtension
  static final TestAdminExtension ADMIN = new TestAdminExtension();

  private AdminClient client;

  @BeforeEach
  void connect() {
    client = AdminClient.connect(FlyteConfig.empty().with("endpoint", ADMIN.endpoint(), "")
        .with("insecure", "true", ""), Map.of(), RetryPolicy.DEFAULT);
  }

  @AfterEach
  void close() {
    client.close();
  }

  private int creates() {
    return ADMIN.calls("CreateTask") + ADMIN.calls("CreateWorkflow") + ADMIN.calls("CreateLaunchPlan");
  }

  @Test
  void registersCodeThenEntitiesAndAgainUnchangedCreatesNothing() throws Exception {
    ShippedCode code = Chains.code("jar unchanged");
    CompiledEntities specs = Chains.compile(4, "step-v1", code);
    Registrar.Result first = new Registrar(client).register(specs, code);
    assertEquals(4, first.created().size(), "two tasks, the workflow, its launch plan: " + first.created());
    assertEquals(List.of(), first.unchanged());
    assertArrayEquals(code.tarGz(), ADMIN.admin().storage().read(StorageUri.parse(first.codeUrl())),
        "the code archive is where its native URL says");
    var task = client.admin().getTask(ObjectGetRequest.newBuilder().setId(first.created().get(0)).build());
    List<String> args = task.getClosure().getCompiledTask().getTemplate().getContainer().getArgsList();
    assertTrue(args.contains(first.codeUrl()), "the placeholder is replaced: " + args);

    int creates = creates();
    Registrar.Result again = new Registrar(client).register(Chains.compile(4, "step-v1", code), code);
    assertEquals(List.of(), again.created());
    assertEquals(4, again.unchanged().size());
    assertEquals(creates, creates(), "unchanged re-registration makes zero create calls");
  }

  @Test
  void aDifferentSpecUnderARegisteredIdIsAClearError() {
    ShippedCode code = Chains.code("jar differs");
    CompiledEntities specs = Chains.compile(2, "step-x", code);
    new Registrar(client).register(specs, code);
    ShippedCode other = Chains.code("jar v2"); // other code under the same ids: the tasks' code URL differs
    FlyteRemoteException e = assertThrows(FlyteRemoteException.class,
        () -> new Registrar(client).register(specs, other));
    assertTrue(e.getMessage().matches("task flytesnacks/development/\\S+@\\S+ is already registered with a different"
        + " spec \\(the task template differs\\).*"), e.getMessage());
  }
}
