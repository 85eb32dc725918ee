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
import dev.flytejava.runtime.remote.RegistrationPlan;
import dev.flytejava.runtime.model.EntityId;
import dev.flytejava.runtime.remote.RetryPolicy;
import dev.flytejava.runtime.storage.StorageUri;
import dev.flytejava.testkit.admin.TestAdminExtension;
import flyteidl.admin.Common.ObjectGetRequest;
import flyteidl.core.IdentifierOuterClass.Identifier;
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

  private int lookUps() {
    return ADMIN.calls("GetTask") + ADMIN.calls("GetWorkflow") + ADMIN.calls("GetLaunchPlan");
  }

  @Test
  void anUnchangedPlanCostsOneLookUpOfItsRootAndNoUpload() {
    ShippedCode code = Chains.code("jar of a plan");
    RegistrationPlan plan = Chains.plan(4, "plan-step-v1", code);
    Registrar.Result first = new Registrar(client).register(plan, "flytesnacks", "staging");
    assertEquals(4, first.created().size(), first.created().toString());
    assertTrue(first.codeUrl() != null && first.codeUrl().endsWith("/" + code.fileName()), first.codeUrl());

    int creates = creates();
    int lookUps = lookUps();
    int uploads = ADMIN.calls("CreateUploadLocation");
    int launchPlanLookUps = ADMIN.calls("GetLaunchPlan");
    Registrar.Result again = new Registrar(client).register(plan, "flytesnacks", "staging");
    assertEquals(List.of(), again.created());
    assertEquals(first.created(), again.unchanged(), "every entity, in registration order");
    assertEquals(null, again.codeUrl(), "nothing uploaded");
    assertEquals(creates, creates());
    assertEquals(uploads, ADMIN.calls("CreateUploadLocation"), "no upload location asked for");
    assertEquals(lookUps + 1, lookUps(), "the launch plan vouches for its workflow and their tasks");
    assertEquals(launchPlanLookUps + 1, ADMIN.calls("GetLaunchPlan"));
  }

  @Test
  void aPlanGoesToAnotherDomainUnderTheSameVersions() {
    ShippedCode code = Chains.code("jar of a plan in two domains");
    RegistrationPlan plan = Chains.plan(2, "two-domains-step", code);
    Registrar.Result development = new Registrar(client).register(plan, "flytesnacks", "development");
    Registrar.Result production = new Registrar(client).register(plan, "flytesnacks", "production");
    assertEquals(4, production.created().size(), "created anew there: " + production.created());
    assertEquals(List.of(), production.unchanged());
    java.util.Set<String> there = new java.util.TreeSet<>();
    development.created().forEach(id -> there.add(id.getResourceType() + " " + id.getName() + "@" + id.getVersion()));
    development.unchanged().forEach(id -> there.add(id.getResourceType() + " " + id.getName() + "@" + id.getVersion()));
    java.util.Set<String> here = new java.util.TreeSet<>();
    production.created().forEach(id -> {
      assertEquals("production", id.getDomain());
      here.add(id.getResourceType() + " " + id.getName() + "@" + id.getVersion());
    });
    assertEquals(there, here, "the same entities under the same versions");
    var workflow = client.admin().getWorkflow(ObjectGetRequest.newBuilder().setId(production.created().get(2)).build());
    workflow.getClosure().getCompiledWorkflow().getPrimary().getTemplate().getNodesList().stream()
        .filter(n -> n.hasTaskNode())
        .forEach(n -> assertEquals("production", n.getTaskNode().getReferenceId().getDomain(), n.toString()));
  }

  @Test
  void aPlanCutAfterItsTasksIsCompletedFromThere() {
    ShippedCode code = Chains.code("jar of a cut plan");
    RegistrationPlan plan = Chains.plan(2, "cut-step", code);
    CompiledEntities targeted = plan.targeted("flytesnacks", "development");
    CompiledEntities tasksOnly = new CompiledEntities(targeted.ofKind(EntityId.Kind.TASK), targeted.version(), true);
    Registrar.Result tasks = new Registrar(client).register(tasksOnly, code);
    assertEquals(2, tasks.created().size() + tasks.unchanged().size()); // twice may be there from another test

    int taskCreates = ADMIN.calls("CreateTask");
    Registrar.Result rest = new Registrar(client).register(plan, "flytesnacks", "development");
    assertEquals(2, rest.created().size(), "the workflow and its launch plan: " + rest.created());
    assertEquals(2, rest.unchanged().size(), "the tasks: " + rest.unchanged());
    assertEquals(taskCreates, ADMIN.calls("CreateTask"));
  }

  @Test
  void editingOneTasksCodeReversionsItAndWhatRunsIt() {
    ShippedCode code = Chains.code("jar of an edited plan");
    Registrar.Result before = new Registrar(client).register(Chains.plan(2, "edited-step-v1", code), "flytesnacks", "development");
    Registrar.Result after = new Registrar(client).register(Chains.plan(2, "edited-step-v2", code), "flytesnacks", "development");
    assertEquals(List.of("step", "chain", "chain"), after.created().stream().map(id -> id.getName()).toList(),
        "step, the workflow and its launch plan: " + after.created());
    assertEquals(List.of("twice"), after.unchanged().stream().map(id -> id.getName()).toList());
    List<Identifier> all = new java.util.ArrayList<>(before.created());
    all.addAll(before.unchanged());
    assertTrue(all.contains(after.unchanged().get(0)), "twice keeps its version: " + all);
  }
}
