package dev.flytejava.runtime.remote;

import dev.flytejava.runtime.idl.CompiledEntities;
import dev.flytejava.runtime.idl.CompiledSpec;
import dev.flytejava.runtime.idl.SpecRewrite;
import dev.flytejava.runtime.model.EntityId;
import dev.flytejava.runtime.packaging.ShippedCode;
import flyteidl.admin.Common.ObjectGetRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanCreateRequest;
import flyteidl.admin.TaskOuterClass.TaskCreateRequest;
import flyteidl.admin.WorkflowOuterClass.WorkflowCreateRequest;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.Tasks.TaskTemplate;
import flyteidl.core.Workflow.WorkflowTemplate;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;

/**
 * Registers compiled entities as flytectl registers a package: tasks, workflows and launch plans in that order, after
 * the code (through the data proxy). Entities are looked up first, and the code goes up only when something is to be
 * created, so an unchanged registration creates and uploads nothing. ALREADY_EXISTS (a reply lost after the create
 * went through) counts as done once the stored spec is found equal; a different spec under a registered id is an
 * error naming it.
 *
 * <p>When each entity's version hashes its own content and the versions of what it refers to, an entity found
 * registered vouches for everything below it: FlyteAdmin creates a launch plan only over a registered workflow and a
 * workflow only over registered tasks, subworkflows and launch plans, and equal versions mean equal content. So the
 * entities no other one refers to are looked up first, and only what they do not cover is looked up one by one (an
 * unchanged workflow costs one look-up; a registration cut halfway is completed from where it stopped).
 */
public final class Registrar {
  /** How many calls a registration has in flight at most. */
  public static final int PARALLEL_CALLS = 8;
  private static final ThreadFactory CALL_THREADS = r -> {
    Thread t = new Thread(r, "flyte-registration-call");
    t.setDaemon(true);
    return t;
  };

  private final AdminClient client;

  public Registrar(AdminClient client) {
    this.client = client;
  }

  /**
   * What one registration did, entity by entity; {@code codeUrl} is where the code went, or null when nothing had
   * to be created and so nothing was uploaded.
   */
  public record Result(String codeUrl, List<Identifier> created, List<Identifier> unchanged) {
  }

  /** Registers {@code plan} in {@code project} and {@code domain}. */
  public Result register(RegistrationPlan plan, String project, String domain) {
    return register(plan.targeted(project, domain), plan.code());
  }

  /**
   * Registers {@code entities} (already targeted at their project and domain) with {@code code}. Look-ups, and the
   * creates of tasks (which depend on nothing), go out {@value #PARALLEL_CALLS} at a time: against a cluster, where
   * each call costs a round trip, 22 entities then take a few round trips instead of 44.
   */
  public Result register(CompiledEntities entities, ShippedCode code) {
    if (entities.specs().isEmpty()) {
      throw new FlyteRemoteException("nothing to register");
    }
    boolean perEntity = entities.versionPerEntity();
    ExecutorService calls = Executors.newFixedThreadPool(PARALLEL_CALLS, CALL_THREADS);
    try {
      Map<Identifier, Boolean> found = new HashMap<>(); // each entity is looked up once
      Set<Identifier> covered = perEntity ? coveredByRoots(entities, code, found, calls) : Set.of();
      List<CompiledSpec> toLookUp = entities.specs().stream()
          .filter(s -> !covered.contains(s.id()) && !found.containsKey(s.id())).toList();
      List<Boolean> looked = inParallel(calls, toLookUp, s -> found(s, code, perEntity));
      for (int i = 0; i < toLookUp.size(); i++) {
        found.put(toLookUp.get(i).id(), looked.get(i));
      }
      List<CompiledSpec> missing = new ArrayList<>();
      List<Identifier> unchanged = new ArrayList<>();
      for (EntityId.Kind kind : EntityId.Kind.values()) { // TASK, WORKFLOW, LAUNCH_PLAN: dependencies first
        for (CompiledSpec spec : entities.ofKind(kind)) {
          if (covered.contains(spec.id()) || found.get(spec.id())) {
            unchanged.add(spec.id());
          } else {
            missing.add(spec);
          }
        }
      }
      if (missing.isEmpty()) {
        return new Result(null, List.of(), List.copyOf(unchanged));
      }
      Identifier first = entities.specs().get(0).id();
      String codeUrl = CodeUpload.upload(client, code, first.getProject(), first.getDomain());
      List<CompiledSpec> tasks = SpecRewrite.codeLocation(
          missing.stream().filter(s -> s instanceof CompiledSpec.OfTask).toList(), codeUrl);
      List<Boolean> tasksCreated = inParallel(calls, tasks, s -> create(s, code, perEntity));
      List<Identifier> created = new ArrayList<>();
      for (int i = 0; i < tasks.size(); i++) {
        (tasksCreated.get(i) ? created : unchanged).add(tasks.get(i).id());
      }
      for (CompiledSpec spec : missing) { // workflows and launch plans in order: one may refer to the one before
        if (!(spec instanceof CompiledSpec.OfTask)) {
          (create(spec, code, perEntity) ? created : unchanged).add(spec.id());
        }
      }
      return new Result(codeUrl, List.copyOf(created), List.copyOf(unchanged));
    } finally {
      calls.shutdownNow();
    }
  }

  /** {@code call} of each spec on {@code calls}, the results in order; the first failure (in order) is thrown. */
  private static <T> List<T> inParallel(ExecutorService calls, List<CompiledSpec> specs, Function<CompiledSpec, T> call) {
    if (specs.size() <= 1) {
      return specs.stream().map(call).toList(); // no hand-over for one call
    }
    List<CompletableFuture<T>> futures = specs.stream()
        .map(s -> CompletableFuture.supplyAsync(() -> call.apply(s), calls)).toList();
    List<T> out = new ArrayList<>(futures.size());
    for (CompletableFuture<T> f : futures) {
      try {
        out.add(f.join());
      } catch (CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw e;
      }
    }
    return out;
  }

  /**
   * The entities that roots (specs no other spec refers to) found registered vouch for, the roots included; what
   * the roots' look-ups found goes into {@code found}.
   */
  private Set<Identifier> coveredByRoots(CompiledEntities entities, ShippedCode code, Map<Identifier, Boolean> found,
      ExecutorService calls) {
    Map<Identifier, Set<Identifier>> references = new LinkedHashMap<>();
    entities.specs().forEach(s -> references.put(s.id(), SpecRewrite.references(s)));
    Set<Identifier> referred = new HashSet<>();
    references.values().forEach(referred::addAll);
    List<CompiledSpec> roots = entities.specs().stream().filter(s -> !referred.contains(s.id())).toList();
    List<Boolean> registered = inParallel(calls, roots, r -> found(r, code, true));
    Set<Identifier> covered = new HashSet<>();
    for (int i = 0; i < roots.size(); i++) {
      found.put(roots.get(i).id(), registered.get(i));
      if (registered.get(i)) {
        cover(roots.get(i).id(), references, covered);
      }
    }
    return covered;
  }

  /** Adds {@code id} and what it reaches among our specs ({@code references} holds only ours) to {@code covered}. */
  private static void cover(Identifier id, Map<Identifier, Set<Identifier>> references, Set<Identifier> covered) {
    if (covered.add(id)) {
      references.getOrDefault(id, Set.of()).stream().filter(references::containsKey)
          .forEach(ref -> cover(ref, references, covered));
    }
  }

  /** True when the entity is registered with our spec; an error when it is registered with another. */
  private boolean found(CompiledSpec spec, ShippedCode code, boolean versionPerEntity) {
    Optional<String> difference = stored(spec, code, versionPerEntity);
    difference.ifPresent(d -> check(spec, d));
    return difference.isPresent();
  }

  /** Creates the entity; true if this call created it, false if a lost reply had already done so. */
  private boolean create(CompiledSpec spec, ShippedCode code, boolean versionPerEntity) {
    try {
      create(spec);
      return true;
    } catch (AdminCallException e) {
      if (e.code() != Status.Code.ALREADY_EXISTS) {
        throw e;
      }
      check(spec, stored(spec, code, versionPerEntity).orElse("it cannot be read back"));
      return false;
    }
  }

  private static void check(CompiledSpec spec, String difference) {
    if (!difference.isEmpty()) {
      throw new FlyteRemoteException(label(spec) + " is already registered with a different spec (" + difference
          + "); register under a new version (--version) or leave the version to be derived from the code");
    }
  }

  /**
   * Empty if absent; "" if the stored spec equals ours; else what differs. A stored task's code location is not ours
   * to compare (ours may not be uploaded yet): under one version for all, the archive it names must be ours (same
   * digest, so same bytes); when each entity's version hashes its own code, it may be another archive, since its
   * version says its code is ours.
   */
  private Optional<String> stored(CompiledSpec spec, ShippedCode code, boolean versionPerEntity) {
    ObjectGetRequest get = ObjectGetRequest.newBuilder().setId(spec.id()).build();
    try {
      if (spec instanceof CompiledSpec.OfTask t) {
        TaskTemplate theirs = client.admin("GetTask", a -> a.getTask(get)).getClosure().getCompiledTask().getTemplate();
        TaskTemplate ours = t.spec().getTemplate();
        boolean same = withoutCode(theirs).equals(withoutCode(ours))
            && (versionPerEntity || codeLocation(theirs).endsWith("/" + code.fileName()));
        return Optional.of(same ? "" : "the task template differs");
      }
      if (spec instanceof CompiledSpec.OfWorkflow w) {
        WorkflowTemplate theirs = client.admin("GetWorkflow", a -> a.getWorkflow(get))
            .getClosure().getCompiledWorkflow().getPrimary().getTemplate();
        return Optional.of(sameWorkflow(theirs, w.spec().getTemplate()));
      }
      LaunchPlan theirs = client.admin("GetLaunchPlan", a -> a.getLaunchPlan(get));
      LaunchPlan ours = ((CompiledSpec.OfLaunchPlan) spec).plan();
      return Optional.of(theirs.getSpec().equals(ours.getSpec()) ? "" : "the launch plan spec differs");
    } catch (AdminCallException e) {
      if (e.code() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** The value of {@code --code} (the uploaded archive's location), or "". */
  private static String codeLocation(TaskTemplate t) {
    List<String> args = t.getContainer().getArgsList();
    int at = args.indexOf("--code");
    return at < 0 || at + 1 >= args.size() ? "" : args.get(at + 1);
  }

  /** The template with the value of {@code --code} (the uploaded archive's location) left out. */
  private static TaskTemplate withoutCode(TaskTemplate t) {
    List<String> args = t.getContainer().getArgsList();
    int at = args.indexOf("--code");
    if (at < 0 || at + 1 >= args.size()) {
      return t;
    }
    TaskTemplate.Builder b = t.toBuilder();
    b.getContainerBuilder().setArgs(at + 1, "");
    return b.build();
  }

  /**
   * FlyteAdmin answers the compiled form of a workflow (with connections and defaults filled in), so the comparison
   * is of what the compiler keeps: the interface, the outputs and each node's id, input names and target.
   */
  private static String sameWorkflow(WorkflowTemplate theirs, WorkflowTemplate ours) {
    if (!theirs.getInterface().equals(ours.getInterface())) {
      return "the workflow interface differs";
    }
    if (!theirs.getOutputsList().equals(ours.getOutputsList())) {
      return "the workflow outputs differ";
    }
    List<String> theirNodes = nodes(theirs);
    List<String> ourNodes = nodes(ours);
    return theirNodes.equals(ourNodes) ? "" : "the workflow nodes differ";
  }

  private static List<String> nodes(WorkflowTemplate wf) {
    List<String> out = new ArrayList<>();
    wf.getNodesList().stream()
        .filter(n -> !n.getId().equals("start-node") && !n.getId().equals("end-node"))
        .sorted(java.util.Comparator.comparing(flyteidl.core.Workflow.Node::getId))
        .forEach(n -> out.add(n.getId() + " " + n.getInputsList().stream().map(b -> b.getVar()).sorted().toList()
            + " " + n.getTaskNode().getReferenceId() + " " + n.getWorkflowNode().getLaunchplanRef()
            + n.getWorkflowNode().getSubWorkflowRef() + " " + n.getTargetCase()));
    return out;
  }

  private void create(CompiledSpec spec) {
    if (spec instanceof CompiledSpec.OfTask t) {
      client.admin("CreateTask", a -> a.createTask(TaskCreateRequest.newBuilder().setId(t.id()).setSpec(t.spec()).build()));
    } else if (spec instanceof CompiledSpec.OfWorkflow w) {
      client.admin("CreateWorkflow", a -> a.createWorkflow(
          WorkflowCreateRequest.newBuilder().setId(w.id()).setSpec(w.spec()).build()));
    } else {
      LaunchPlan l = ((CompiledSpec.OfLaunchPlan) spec).plan();
      client.admin("CreateLaunchPlan", a -> a.createLaunchPlan(
          LaunchPlanCreateRequest.newBuilder().setId(l.getId()).setSpec(l.getSpec()).build()));
    }
  }

  private static String label(CompiledSpec spec) {
    Identifier id = spec.id();
    String kind = spec.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    return kind + " " + id.getProject() + "/" + id.getDomain() + "/" + id.getName() + "@" + id.getVersion();
  }

}
