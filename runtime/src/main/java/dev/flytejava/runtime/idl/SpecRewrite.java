package dev.flytejava.runtime.idl;

import flyteidl.admin.LaunchPlanOuterClass.LaunchPlan;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.Workflow.IfElseBlock;
import flyteidl.core.Workflow.Node;
import flyteidl.core.Workflow.WorkflowTemplate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Rewrites compiled specs in one place, where flytectl's {@code hydrateSpec} rewrites them at registration: the
 * project, domain and version of every identifier (an entity's own; in workflows those of task nodes, subworkflow
 * and launch plan references, also inside branches, array nodes and subworkflow templates; a launch plan's
 * workflow), and the shipped code's location in place of {@link EntrypointArgs#REMOTE_PACKAGE_PATH}.
 */
public final class SpecRewrite {
  private SpecRewrite() {}

  /** Every identifier of {@code specs} with this project, domain and version. */
  public static List<CompiledSpec> identifiers(List<CompiledSpec> specs, String project, String domain,
      String version) {
    return identifiers(specs, project, domain, id -> version);
  }

  /** Every identifier of {@code specs} with this project and domain, and the version {@code versionOf} gives it. */
  public static List<CompiledSpec> identifiers(List<CompiledSpec> specs, String project, String domain,
      java.util.function.Function<Identifier, String> versionOf) {
    Identifiers stamp = new Identifiers(id -> {
      if (!id.getVersion().isEmpty() && !id.getProject().isEmpty()) {
        return; // a reference to an entity registered elsewhere keeps its identifier
      }
      id.setVersion(versionOf.apply(id.build())).setProject(project).setDomain(domain);
    });
    List<CompiledSpec> out = new ArrayList<>(specs.size());
    for (CompiledSpec s : specs) {
      out.add(stamp.rewrite(s, true));
    }
    return out;
  }

  /**
   * The identifiers {@code spec} refers to: a workflow's task nodes, subworkflows and launch plans (also inside
   * branches, array nodes and subworkflow templates, whose own identifiers count too), a launch plan's workflow.
   */
  public static Set<Identifier> references(CompiledSpec spec) {
    Set<Identifier> out = new LinkedHashSet<>();
    new Identifiers(id -> out.add(id.build())).rewrite(spec, false);
    return out;
  }

  /** Task specs whose container args name the code at {@code codeUri} instead of flytectl's placeholder. */
  public static List<CompiledSpec> codeLocation(List<CompiledSpec> specs, String codeUri) {
    List<CompiledSpec> out = new ArrayList<>(specs.size());
    for (CompiledSpec s : specs) {
      if (s instanceof CompiledSpec.OfTask t && t.spec().getTemplate().hasContainer()) {
        TaskSpec.Builder b = t.spec().toBuilder();
        List<String> args = b.getTemplate().getContainer().getArgsList();
        var container = b.getTemplateBuilder().getContainerBuilder().clearArgs();
        for (String arg : args) {
          container.addArgs(arg.equals(EntrypointArgs.REMOTE_PACKAGE_PATH) ? codeUri : arg);
        }
        out.add(new CompiledSpec.OfTask(b.build()));
      } else {
        out.add(s);
      }
    }
    return out;
  }

  /** Visits every identifier of a spec, its own one only when asked. */
  private record Identifiers(Consumer<Identifier.Builder> visit) {
    CompiledSpec rewrite(CompiledSpec s, boolean own) {
      if (s instanceof CompiledSpec.OfTask t) {
        TaskSpec.Builder b = t.spec().toBuilder();
        if (own) {
          visit.accept(b.getTemplateBuilder().getIdBuilder());
        }
        return new CompiledSpec.OfTask(b.build());
      }
      if (s instanceof CompiledSpec.OfWorkflow w) {
        WorkflowSpec.Builder b = w.spec().toBuilder();
        template(b.getTemplateBuilder(), own);
        for (WorkflowTemplate.Builder sub : b.getSubWorkflowsBuilderList()) {
          template(sub, true);
        }
        return new CompiledSpec.OfWorkflow(b.build());
      }
      LaunchPlan.Builder b = ((CompiledSpec.OfLaunchPlan) s).plan().toBuilder();
      if (own) {
        visit.accept(b.getIdBuilder());
      }
      visit.accept(b.getSpecBuilder().getWorkflowIdBuilder());
      return new CompiledSpec.OfLaunchPlan(b.build());
    }

    void template(WorkflowTemplate.Builder t, boolean own) {
      if (own) {
        visit.accept(t.getIdBuilder());
      }
      for (Node.Builder n : t.getNodesBuilderList()) {
        node(n);
      }
      if (t.hasFailureNode()) {
        node(t.getFailureNodeBuilder());
      }
    }

    void node(Node.Builder n) {
      switch (n.getTargetCase()) {
        case TASK_NODE -> visit.accept(n.getTaskNodeBuilder().getReferenceIdBuilder());
        case WORKFLOW_NODE -> {
          var w = n.getWorkflowNodeBuilder();
          visit.accept(w.hasLaunchplanRef() ? w.getLaunchplanRefBuilder() : w.getSubWorkflowRefBuilder());
        }
        case BRANCH_NODE -> {
          IfElseBlock.Builder b = n.getBranchNodeBuilder().getIfElseBuilder();
          node(b.getCaseBuilder().getThenNodeBuilder());
          b.getOtherBuilderList().forEach(o -> node(o.getThenNodeBuilder()));
          if (b.hasElseNode()) {
            node(b.getElseNodeBuilder());
          }
        }
        case ARRAY_NODE -> node(n.getArrayNodeBuilder().getNodeBuilder());
        default -> { }
      }
    }
  }
}
