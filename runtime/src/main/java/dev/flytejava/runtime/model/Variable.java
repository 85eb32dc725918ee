package dev.flytejava.runtime.model;

import dev.flytejava.runtime.types.TypeEngine;
import flyteidl.core.Types.LiteralType;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * A named, typed input or output of a task or workflow. The Java type is the source of truth; its Flyte
 * {@code LiteralType} comes from the type engine ({@code TypeEngine.literalTypeOf(type())}).
 */
public record Variable(String name, Type type) {
  public Variable {
    Names.requireIdentifier(name, "variable name");
    Objects.requireNonNull(type, () -> "type of variable [" + name + "]");
  }

  /** The Flyte literal type of this variable according to {@code engine}. */
  public LiteralType literalType(TypeEngine engine) {
    return engine.literalTypeOf(type);
  }
}
