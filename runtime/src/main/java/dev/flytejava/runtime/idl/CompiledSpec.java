package dev.flytejava.runtime.idl;

import com.google.protobuf.Message;
import dev.flytejava.runtime.model.EntityId;
import flyteidl.admin.LaunchPlanOuterClass;
import flyteidl.admin.TaskOuterClass.TaskSpec;
import flyteidl.admin.WorkflowOuterClass.WorkflowSpec;
import flyteidl.core.IdentifierOuterClass.Identifier;
import java.util.Objects;

/**
 * One entity compiled to the message FlyteAdmin registers: an {@code admin.TaskSpec}, an {@code admin.WorkflowSpec}
 * or an {@code admin.LaunchPlan} (the three kinds of {@code pyflyte package}'s {@code _1.pb}, {@code _2.pb} and
 * {@code _3.pb} files).
 */
public sealed interface CompiledSpec permits CompiledSpec.OfTask, CompiledSpec.OfWorkflow, CompiledSpec.OfLaunchPlan {

  EntityId.Kind kind();

  /** The message as registered. */
  Message message();

  /** The entity's identifier. */
  Identifier id();

  default String name() {
    return id().getName();
  }

  /** A copy holding another message of the same kind. */
  CompiledSpec with(Message replacement);

  record OfTask(TaskSpec spec) implements CompiledSpec {
    public OfTask {
      Objects.requireNonNull(spec, "spec");
    }

    @Override
    public EntityId.Kind kind() {
      return EntityId.Kind.TASK;
    }

    @Override
    public Message message() {
      return spec;
    }

    @Override
    public Identifier id() {
      return spec.getTemplate().getId();
    }

    @Override
    public CompiledSpec with(Message replacement) {
      return new OfTask((TaskSpec) replacement);
    }
  }

  record OfWorkflow(WorkflowSpec spec) implements CompiledSpec {
    public OfWorkflow {
      Objects.requireNonNull(spec, "spec");
    }

    @Override
    public EntityId.Kind kind() {
      return EntityId.Kind.WORKFLOW;
    }

    @Override
    public Message message() {
      return spec;
    }

    @Override
    public Identifier id() {
      return spec.getTemplate().getId();
    }

    @Override
    public CompiledSpec with(Message replacement) {
      return new OfWorkflow((WorkflowSpec) replacement);
    }
  }

  record OfLaunchPlan(LaunchPlanOuterClass.LaunchPlan plan) implements CompiledSpec {
    public OfLaunchPlan {
      Objects.requireNonNull(plan, "plan");
    }

    @Override
    public EntityId.Kind kind() {
      return EntityId.Kind.LAUNCH_PLAN;
    }

    @Override
    public Message message() {
      return plan;
    }

    @Override
    public Identifier id() {
      return plan.getId();
    }

    @Override
    public CompiledSpec with(Message replacement) {
      return new OfLaunchPlan((LaunchPlanOuterClass.LaunchPlan) replacement);
    }
  }
}
