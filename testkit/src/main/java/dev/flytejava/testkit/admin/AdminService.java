package dev.flytejava.testkit.admin;

import flyteidl.admin.Common.NamedEntityIdentifier;
import flyteidl.admin.Common.NamedEntityIdentifierList;
import flyteidl.admin.Common.NamedEntityIdentifierListRequest;
import flyteidl.admin.Common.ObjectGetRequest;
import flyteidl.admin.Common.ResourceListRequest;
import flyteidl.admin.LaunchPlanOuterClass.ActiveLaunchPlanListRequest;
import flyteidl.admin.LaunchPlanOuterClass.ActiveLaunchPlanRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanCreateRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanCreateResponse;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanList;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanState;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanUpdateRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanUpdateResponse;
import flyteidl.admin.ProjectOuterClass.GetDomainRequest;
import flyteidl.admin.ProjectOuterClass.GetDomainsResponse;
import flyteidl.admin.ProjectOuterClass.Project;
import flyteidl.admin.ProjectOuterClass.ProjectGetRequest;
import flyteidl.admin.ProjectOuterClass.ProjectListRequest;
import flyteidl.admin.ProjectOuterClass.ProjectRegisterRequest;
import flyteidl.admin.ProjectOuterClass.ProjectRegisterResponse;
import flyteidl.admin.ProjectOuterClass.Projects;
import flyteidl.admin.TaskOuterClass.Task;
import flyteidl.admin.TaskOuterClass.TaskCreateRequest;
import flyteidl.admin.TaskOuterClass.TaskCreateResponse;
import flyteidl.admin.TaskOuterClass.TaskList;
import flyteidl.admin.VersionOuterClass.GetVersionRequest;
import flyteidl.admin.VersionOuterClass.GetVersionResponse;
import flyteidl.admin.VersionOuterClass.Version;
import flyteidl.admin.WorkflowOuterClass.Workflow;
import flyteidl.admin.WorkflowOuterClass.WorkflowCreateRequest;
import flyteidl.admin.WorkflowOuterClass.WorkflowCreateResponse;
import flyteidl.admin.WorkflowOuterClass.WorkflowList;
import flyteidl.service.AdminServiceGrpc;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * FlyteAdmin's AdminService over the testkit's in-memory state: registration (tasks, workflows, launch plans),
 * projects and domains, the version; executions are served by {@link ExecutionService}'s records through the
 * same class (see {@link ExecutionCalls}).
 */
final class AdminService extends AdminServiceGrpc.AdminServiceImplBase {
  static final String VERSION = "testkit";

  private final Entities entities;
  private final dev.flytejava.testkit.admin.Projects projects;
  private final ExecutionCalls executions;

  AdminService(Entities entities, dev.flytejava.testkit.admin.Projects projects, ExecutionCalls executions) {
    this.entities = entities;
    this.projects = projects;
    this.executions = executions;
  }

  private ExecutionCalls executions() {
    if (executions == null) {
      throw io.grpc.Status.UNIMPLEMENTED.withDescription("this testkit runs no executions: start it with an "
          + "execution engine").asRuntimeException();
    }
    return executions;
  }

  // --- tasks

  @Override
  public void createTask(TaskCreateRequest request, StreamObserver<TaskCreateResponse> out) {
    reply(out, () -> {
      entities.createTask(request);
      return TaskCreateResponse.getDefaultInstance();
    });
  }

  @Override
  public void getTask(ObjectGetRequest request, StreamObserver<Task> out) {
    reply(out, () -> Entities.get(entities.tasks, request.getId(), "TASK"));
  }

  @Override
  public void listTasks(ResourceListRequest request, StreamObserver<TaskList> out) {
    reply(out, () -> {
      Pages<Task> page = list(entities.tasks, request, t -> t.getId());
      return TaskList.newBuilder().addAllTasks(page.rows()).setToken(page.nextToken()).build();
    });
  }

  @Override
  public void listTaskIds(NamedEntityIdentifierListRequest request, StreamObserver<NamedEntityIdentifierList> out) {
    reply(out, () -> ids(entities.tasks, request, t -> t.getId()));
  }

  // --- workflows

  @Override
  public void createWorkflow(WorkflowCreateRequest request, StreamObserver<WorkflowCreateResponse> out) {
    reply(out, () -> {
      entities.createWorkflow(request);
      return WorkflowCreateResponse.getDefaultInstance();
    });
  }

  @Override
  public void getWorkflow(ObjectGetRequest request, StreamObserver<Workflow> out) {
    reply(out, () -> Entities.get(entities.workflows, request.getId(), "WORKFLOW"));
  }

  @Override
  public void listWorkflows(ResourceListRequest request, StreamObserver<WorkflowList> out) {
    reply(out, () -> {
      Pages<Workflow> page = list(entities.workflows, request, w -> w.getId());
      return WorkflowList.newBuilder().addAllWorkflows(page.rows()).setToken(page.nextToken()).build();
    });
  }

  @Override
  public void listWorkflowIds(NamedEntityIdentifierListRequest request,
      StreamObserver<NamedEntityIdentifierList> out) {
    reply(out, () -> ids(entities.workflows, request, w -> w.getId()));
  }

  // --- launch plans

  @Override
  public void createLaunchPlan(LaunchPlanCreateRequest request, StreamObserver<LaunchPlanCreateResponse> out) {
    reply(out, () -> {
      entities.createLaunchPlan(request);
      return LaunchPlanCreateResponse.getDefaultInstance();
    });
  }

  @Override
  public void getLaunchPlan(ObjectGetRequest request, StreamObserver<LaunchPlan> out) {
    reply(out, () -> Entities.get(entities.launchPlans, request.getId(), "LAUNCH_PLAN"));
  }

  @Override
  public void getActiveLaunchPlan(ActiveLaunchPlanRequest request, StreamObserver<LaunchPlan> out) {
    reply(out, () -> entities.activeLaunchPlan(request.getId()));
  }

  @Override
  public void listActiveLaunchPlans(ActiveLaunchPlanListRequest request, StreamObserver<LaunchPlanList> out) {
    reply(out, () -> {
      List<LaunchPlan> active = entities.launchPlans.inProjectDomain(request.getProject(), request.getDomain())
          .stream().filter(lp -> lp.getClosure().getState() == LaunchPlanState.ACTIVE).toList();
      Pages<LaunchPlan> page = Pages.of(active, request.getLimit(), request.getToken());
      return LaunchPlanList.newBuilder().addAllLaunchPlans(page.rows()).setToken(page.nextToken()).build();
    });
  }

  @Override
  public void listLaunchPlans(ResourceListRequest request, StreamObserver<LaunchPlanList> out) {
    reply(out, () -> {
      Pages<LaunchPlan> page = list(entities.launchPlans, request, lp -> lp.getId());
      return LaunchPlanList.newBuilder().addAllLaunchPlans(page.rows()).setToken(page.nextToken()).build();
    });
  }

  @Override
  public void listLaunchPlanIds(NamedEntityIdentifierListRequest request,
      StreamObserver<NamedEntityIdentifierList> out) {
    reply(out, () -> ids(entities.launchPlans, request, lp -> lp.getId()));
  }

  @Override
  public void updateLaunchPlan(LaunchPlanUpdateRequest request, StreamObserver<LaunchPlanUpdateResponse> out) {
    reply(out, () -> {
      entities.updateLaunchPlanState(request.getId(), request.getState());
      return LaunchPlanUpdateResponse.getDefaultInstance();
    });
  }

  // --- executions

  @Override
  public void createExecution(flyteidl.admin.ExecutionOuterClass.ExecutionCreateRequest request,
      StreamObserver<flyteidl.admin.ExecutionOuterClass.ExecutionCreateResponse> out) {
    reply(out, () -> executions().create(request));
  }

  @Override
  public void getExecution(flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetRequest request,
      StreamObserver<flyteidl.admin.ExecutionOuterClass.Execution> out) {
    reply(out, () -> executions().get(request.getId()));
  }

  @Override
  public void listExecutions(ResourceListRequest request,
      StreamObserver<flyteidl.admin.ExecutionOuterClass.ExecutionList> out) {
    reply(out, () -> executions().list(request));
  }

  @Override
  public void getExecutionData(flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetDataRequest request,
      StreamObserver<flyteidl.admin.ExecutionOuterClass.WorkflowExecutionGetDataResponse> out) {
    reply(out, () -> executions().data(request.getId()));
  }

  @Override
  public void terminateExecution(flyteidl.admin.ExecutionOuterClass.ExecutionTerminateRequest request,
      StreamObserver<flyteidl.admin.ExecutionOuterClass.ExecutionTerminateResponse> out) {
    reply(out, () -> executions().terminate(request));
  }

  @Override
  public void listNodeExecutions(flyteidl.admin.NodeExecutionOuterClass.NodeExecutionListRequest request,
      StreamObserver<flyteidl.admin.NodeExecutionOuterClass.NodeExecutionList> out) {
    reply(out, () -> executions().listNodes(request));
  }

  @Override
  public void getNodeExecution(flyteidl.admin.NodeExecutionOuterClass.NodeExecutionGetRequest request,
      StreamObserver<flyteidl.admin.NodeExecutionOuterClass.NodeExecution> out) {
    reply(out, () -> executions().node(request.getId()));
  }

  @Override
  public void getNodeExecutionData(flyteidl.admin.NodeExecutionOuterClass.NodeExecutionGetDataRequest request,
      StreamObserver<flyteidl.admin.NodeExecutionOuterClass.NodeExecutionGetDataResponse> out) {
    reply(out, () -> executions().nodeData(request.getId()));
  }

  @Override
  public void listTaskExecutions(flyteidl.admin.TaskExecutionOuterClass.TaskExecutionListRequest request,
      StreamObserver<flyteidl.admin.TaskExecutionOuterClass.TaskExecutionList> out) {
    reply(out, () -> executions().listTasks(request));
  }

  @Override
  public void getTaskExecution(flyteidl.admin.TaskExecutionOuterClass.TaskExecutionGetRequest request,
      StreamObserver<flyteidl.admin.TaskExecutionOuterClass.TaskExecution> out) {
    reply(out, () -> executions().task(request.getId()));
  }

  @Override
  public void getTaskExecutionData(flyteidl.admin.TaskExecutionOuterClass.TaskExecutionGetDataRequest request,
      StreamObserver<flyteidl.admin.TaskExecutionOuterClass.TaskExecutionGetDataResponse> out) {
    reply(out, () -> executions().taskData(request.getId()));
  }

  // --- projects, domains, version

  @Override
  public void registerProject(ProjectRegisterRequest request, StreamObserver<ProjectRegisterResponse> out) {
    reply(out, () -> {
      projects.register(request.getProject());
      return ProjectRegisterResponse.getDefaultInstance();
    });
  }

  @Override
  public void listProjects(ProjectListRequest request, StreamObserver<Projects> out) {
    reply(out, () -> Projects.newBuilder().addAllProjects(projects.all()).build());
  }

  @Override
  public void getProject(ProjectGetRequest request, StreamObserver<Project> out) {
    reply(out, () -> projects.get(request.getId()));
  }

  @Override
  public void getDomains(GetDomainRequest request, StreamObserver<GetDomainsResponse> out) {
    reply(out, () -> GetDomainsResponse.newBuilder().addAllDomains(dev.flytejava.testkit.admin.Projects.domains())
        .build());
  }

  @Override
  public void getVersion(GetVersionRequest request, StreamObserver<GetVersionResponse> out) {
    reply(out, () -> GetVersionResponse.newBuilder().setControlPlaneVersion(Version.newBuilder()
        .setVersion(VERSION).setBuild("flyte-java-testkit")).build());
  }

  // ---

  private static <T> Pages<T> list(Repository<T> repo, ResourceListRequest request,
      Function<T, flyteidl.core.IdentifierOuterClass.Identifier> id) {
    NamedEntityIdentifier named = request.getId();
    Ids.require(named.getProject(), "project");
    Ids.require(named.getDomain(), "domain");
    List<T> rows = named.getName().isEmpty() ? repo.inProjectDomain(named.getProject(), named.getDomain())
        : repo.versions(named);
    rows = ListFilters.parse(request.getFilters()).apply(rows, row -> ListFilters.fields(id.apply(row)));
    return Pages.of(rows, request.getLimit(), request.getToken());
  }

  private static <T> NamedEntityIdentifierList ids(Repository<T> repo, NamedEntityIdentifierListRequest request,
      Function<T, flyteidl.core.IdentifierOuterClass.Identifier> id) {
    Ids.require(request.getProject(), "project");
    Ids.require(request.getDomain(), "domain");
    List<NamedEntityIdentifier> names = repo.inProjectDomain(request.getProject(), request.getDomain()).stream()
        .map(row -> Ids.named(id.apply(row))).distinct().toList();
    Pages<NamedEntityIdentifier> page = Pages.of(names, request.getLimit(), request.getToken());
    return NamedEntityIdentifierList.newBuilder().addAllEntities(page.rows()).setToken(page.nextToken()).build();
  }

  /** Runs a call, answering its value or the status FlyteAdmin's rules raised. */
  static <T> void reply(StreamObserver<T> out, Supplier<T> call) {
    T value;
    try {
      value = call.get();
    } catch (io.grpc.StatusRuntimeException e) {
      out.onError(e);
      return;
    }
    out.onNext(value);
    out.onCompleted();
  }
}
