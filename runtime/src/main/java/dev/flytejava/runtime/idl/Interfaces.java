package dev.flytejava.runtime.idl;

import dev.flytejava.runtime.idl.IdlCompileException.Site;
import dev.flytejava.runtime.model.Variable;
import dev.flytejava.runtime.types.TypeEngine;
import flyteidl.core.Interface.TypedInterface;
import flyteidl.core.Interface.VariableMap;
import flyteidl.core.Types.LiteralType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.function.Function;

/**
 * Typed interfaces and literal types through the type engine. As flytekit, each variable's description is its
 * name. A type the engine cannot handle is a problem of the entity, and its variable is left out.
 */
final class Interfaces {
  private final TypeEngine engine;
  private final Problems problems;

  Interfaces(TypeEngine engine, Problems problems) {
    this.engine = engine;
    this.problems = problems;
  }

  TypedInterface of(Site entity, List<Variable> inputs, List<Variable> outputs) {
    return TypedInterface.newBuilder()
        .setInputs(variables(inputs, v -> entity.input(v.name())))
        .setOutputs(variables(outputs, v -> entity.output(v.name())))
        .build();
  }

  private VariableMap variables(List<Variable> vars, Function<Variable, Site> site) {
    VariableMap.Builder map = VariableMap.newBuilder();
    for (Variable v : vars) {
      LiteralType lt = literalType(site.apply(v), v.type());
      if (lt != null) {
        map.putVariables(v.name(), variable(v.name(), lt));
      }
    }
    return map.build();
  }

  static flyteidl.core.Interface.Variable variable(String name, LiteralType type) {
    return flyteidl.core.Interface.Variable.newBuilder().setType(type).setDescription(name).build();
  }

  /** The literal type of {@code type}, or null after recording a problem at {@code site}. */
  LiteralType literalType(Site site, Type type) {
    try {
      return engine.literalTypeOf(type);
    } catch (RuntimeException e) {
      problems.add(site, "no Flyte type for Java type [" + type.getTypeName() + "]: " + e.getMessage());
      return null;
    }
  }
}
