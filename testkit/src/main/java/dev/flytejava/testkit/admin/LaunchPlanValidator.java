package dev.flytejava.testkit.admin;

import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanCreateRequest;
import flyteidl.admin.LaunchPlanOuterClass.LaunchPlanSpec;
import flyteidl.core.IdentifierOuterClass.ResourceType;
import flyteidl.core.Interface.Parameter;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.Variable;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Types.LiteralType;
import java.util.Map;

/**
 * FlyteAdmin's launch plan checks (validation/launch_plan_validator.go): the ids, then the default and fixed
 * inputs against the workflow's interface: no unknown input, none both default and fixed, values of the
 * variable's type.
 */
final class LaunchPlanValidator {
  private LaunchPlanValidator() {}

  static void validateRequest(LaunchPlanCreateRequest request) {
    Ids.validate(request.getId(), request.hasId(), ResourceType.LAUNCH_PLAN);
    if (!request.hasSpec()) {
      throw AdminErrors.missing("spec");
    }
    Ids.validate(request.getSpec().getWorkflowId(), request.getSpec().hasWorkflowId(), ResourceType.WORKFLOW);
  }

  static void validateAgainst(LaunchPlanSpec spec, TypedInterface workflow) {
    Map<String, Variable> inputs = workflow.getInputs().getVariablesMap();
    for (Map.Entry<String, Parameter> e : spec.getDefaultInputs().getParametersMap().entrySet()) {
      Variable v = inputs.get(e.getKey());
      if (v == null) {
        throw AdminErrors.invalidArgument("invalid default_inputs input: unexpected input %s", e.getKey());
      }
      if (!typesMatch(e.getValue().getVar().getType(), v.getType())) {
        throw AdminErrors.invalidArgument("invalid default_inputs input %s: type %s does not match the workflow's %s",
            e.getKey(), TypeCompatibility.describe(e.getValue().getVar().getType()), TypeCompatibility.describe(v.getType()));
      }
      if (e.getValue().hasDefault()) {
        checkValue("default_inputs", e.getKey(), e.getValue().getDefault(), v.getType());
      }
    }
    for (Map.Entry<String, Literal> e : spec.getFixedInputs().getLiteralsMap().entrySet()) {
      Variable v = inputs.get(e.getKey());
      if (v == null) {
        throw AdminErrors.invalidArgument("invalid fixed_inputs input: unexpected input %s", e.getKey());
      }
      if (spec.getDefaultInputs().getParametersMap().containsKey(e.getKey())) {
        throw AdminErrors.invalidArgument("%s is defined in both default inputs and fixed inputs", e.getKey());
      }
      checkValue("fixed_inputs", e.getKey(), e.getValue(), v.getType());
    }
  }

  /**
   * validateSchedule: a scheduled launch plan's kickoff-time input must be a datetime input of the workflow, and
   * every other input must have a value (default or fixed), since nobody is there to give one.
   */
  static void validateSchedule(LaunchPlanSpec spec, TypedInterface workflow) {
    if (!spec.getEntityMetadata().hasSchedule()) {
      return;
    }
    String kickoff = spec.getEntityMetadata().getSchedule().getKickoffTimeInputArg();
    if (!kickoff.isEmpty()) {
      Variable v = workflow.getInputs().getVariablesMap().get(kickoff);
      if (v == null) {
        throw AdminErrors.invalidArgument("Cannot create a launch plan with a schedule whose kickoff time input "
            + "[%s] is not an input of the workflow", kickoff);
      }
      if (!(v.getType().hasSimple() && v.getType().getSimple() == flyteidl.core.Types.SimpleType.DATETIME)) {
        throw AdminErrors.invalidArgument("KickoffTimeInputArg must reference a datetime input. [%s] is a %s",
            kickoff, TypeCompatibility.describe(v.getType()));
      }
    }
    for (String name : workflow.getInputs().getVariablesMap().keySet()) {
      Parameter p = spec.getDefaultInputs().getParametersMap().get(name);
      boolean hasValue = spec.getFixedInputs().getLiteralsMap().containsKey(name) || (p != null && p.hasDefault());
      if (!hasValue && !name.equals(kickoff)) {
        throw AdminErrors.invalidArgument("Cannot create a launch plan with a schedule and required input [%s] "
            + "that has no default or fixed value", name);
      }
    }
  }

  private static boolean typesMatch(LiteralType declared, LiteralType workflow) {
    return TypeCompatibility.castable(declared, workflow) || TypeCompatibility.castable(workflow, declared);
  }

  static void checkValue(String field, String name, Literal value, LiteralType expected) {
    LiteralType actual = TypeCompatibility.typeOf(value);
    if (actual != null && !TypeCompatibility.castable(actual, expected)) {
      throw AdminErrors.invalidArgument("invalid %s input wrong type for %s. Expected %s, but got %s", field, name,
          TypeCompatibility.describe(expected), TypeCompatibility.describe(actual));
    }
  }
}
