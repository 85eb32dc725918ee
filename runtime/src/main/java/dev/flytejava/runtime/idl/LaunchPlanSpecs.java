package dev.flytejava.runtime.idl;

import dev.flytejava.runtime.idl.IdlCompileException.Site;
import dev.flytejava.runtime.model.LaunchPlan;
import dev.flytejava.runtime.model.Variable;
import flyteidl.admin.Common.Annotations;
import flyteidl.admin.Common.Labels;
import flyteidl.admin.Common.RawOutputDataConfig;
import flyteidl.admin.LaunchPlanOuterClass;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanClosure;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanMetadata;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanSpec;
import flyteidl.admin.ScheduleOuterClass.CronSchedule;
import flyteidl.admin.ScheduleOuterClass.Schedule;
import flyteidl.core.Interface.Parameter;
import flyteidl.core.Interface.ParameterMap;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Types.LiteralType;
import java.lang.reflect.ParameterizedType;
import java.util.Optional;

/**
 * Launch plans as flytekit's translator writes them: every input that is not fixed is a parameter, with the plan's
 * default or else the workflow's (an {@code Optional} input without one defaults to none, as in flytekit), or
 * required; fixed inputs are literals; a cron schedule is a {@code cron_schedule}; labels, annotations, the raw
 * output config and the closure are present and empty.
 */
final class LaunchPlanSpecs {
  private final Interfaces interfaces;
  private final Bindings bindings;

  LaunchPlanSpecs(Interfaces interfaces, Bindings bindings) {
    this.interfaces = interfaces;
    this.bindings = bindings;
  }

  LaunchPlanOuterClass.LaunchPlan of(LaunchPlan lp) {
    Site site = Site.of("launch plan [" + lp.name() + "]");
    ParameterMap.Builder parameters = ParameterMap.newBuilder();
    LiteralMap.Builder fixed = LiteralMap.newBuilder();
    for (Variable v : lp.workflow().iface().inputs()) {
      LiteralType type = interfaces.literalType(site.input(v.name()), v.type());
      if (type == null) {
        continue;
      }
      if (lp.fixedInputs().containsKey(v.name())) {
        Literal literal = bindings.literal(site.input(v.name()), lp.fixedInputs().get(v.name()), v.type());
        if (literal != null) {
          fixed.putLiterals(v.name(), literal);
        }
        continue;
      }
      Parameter.Builder p = Parameter.newBuilder().setVar(Interfaces.variable(v.name(), type));
      if (lp.hasDefault(v.name())) {
        Literal literal = bindings.literal(site.input(v.name()), lp.defaultOf(v.name()), v.type());
        if (literal != null) {
          p.setDefault(literal);
        }
      } else if (isOptional(v)) {
        p.setDefault(Literal.newBuilder().setScalar(Scalar.newBuilder()
            .setNoneType(flyteidl.core.Literals.Void.getDefaultInstance())));
      } else {
        p.setRequired(true);
      }
      parameters.putParameters(v.name(), p.build());
    }
    LaunchPlanMetadata.Builder metadata = LaunchPlanMetadata.newBuilder();
    if (lp.schedule() != null) {
      metadata.setSchedule(Schedule.newBuilder()
          .setCronSchedule(CronSchedule.newBuilder().setSchedule(lp.schedule().expression())));
    }
    LaunchPlanSpec spec = LaunchPlanSpec.newBuilder()
        .setWorkflowId(WorkflowSpecs.workflowId(lp.workflow().name()))
        .setEntityMetadata(metadata)
        .setDefaultInputs(parameters)
        .setFixedInputs(fixed)
        .setLabels(Labels.getDefaultInstance())
        .setAnnotations(Annotations.getDefaultInstance())
        .setRawOutputDataConfig(RawOutputDataConfig.getDefaultInstance())
        .build();
    return LaunchPlanOuterClass.LaunchPlan.newBuilder()
        .setId(WorkflowSpecs.launchPlanId(lp.name()))
        .setSpec(spec)
        .setClosure(LaunchPlanClosure.newBuilder()
            .setExpectedInputs(ParameterMap.getDefaultInstance())
            .setExpectedOutputs(VariableMap.getDefaultInstance()))
        .build();
  }

  private static boolean isOptional(Variable v) {
    return v.type() instanceof ParameterizedType p && p.getRawType() == Optional.class;
  }
}
