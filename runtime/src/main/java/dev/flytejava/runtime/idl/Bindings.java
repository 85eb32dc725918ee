package dev.flytejava.runtime.idl;

import dev.flytejava.runtime.idl.IdlCompileException.Site;
import dev.flytejava.runtime.model.Binding;
import dev.flytejava.runtime.types.TypeEngine;
import flyteidl.core.Literals.BindingData;
import flyteidl.core.Literals.BindingDataCollection;
import flyteidl.core.Literals.BindingDataMap;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Types.OutputReference;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bindings as flytekit writes them: a workflow input is a promise from node {@value #GLOBAL_INPUT_NODE_ID}, a node
 * output a promise from that node, and a constant the literal of the receiving input's type, spread element by
 * element into collection and map bindings as flytekit's {@code binding_data_from_python_std} does.
 */
final class Bindings {
  /** flytekit's {@code GLOBAL_INPUT_NODE_ID}: workflow inputs are the outputs of this (start) node. */
  static final String GLOBAL_INPUT_NODE_ID = "";

  private final TypeEngine engine;
  private final Problems problems;

  Bindings(TypeEngine engine, Problems problems) {
    this.engine = engine;
    this.problems = problems;
  }

  /**
   * The binding data of {@code b} for a receiver of Java type {@code expected}, or null after recording a problem
   * at {@code site}.
   */
  BindingData of(Site site, Binding b, Type expected) {
    if (b instanceof Binding.InputRef ref) {
      return promise(GLOBAL_INPUT_NODE_ID, ref.name());
    }
    if (b instanceof Binding.OutputRef ref) {
      return promise(ref.nodeId(), ref.outputName());
    }
    if (b instanceof Binding.Constant c) {
      Literal literal = literal(site, c.value(), expected);
      return literal == null ? null : fromLiteral(literal);
    }
    Type container = unwrapOptional(expected);
    if (b instanceof Binding.ListOf list) {
      Type element = typeArgument(container, List.class, 0);
      if (element == null) {
        problems.add(site, "a list binding " + list + " feeds [" + expected.getTypeName() + "]");
        return null;
      }
      BindingDataCollection.Builder items = BindingDataCollection.newBuilder();
      for (Binding item : list.items()) {
        BindingData data = of(site, item, element);
        if (data == null) {
          return null;
        }
        items.addBindings(data);
      }
      return BindingData.newBuilder().setCollection(items).build();
    }
    Binding.MapOf map = (Binding.MapOf) b;
    Type value = typeArgument(container, Map.class, 1);
    if (value == null) {
      problems.add(site, "a map binding " + map + " feeds [" + expected.getTypeName() + "]");
      return null;
    }
    BindingDataMap.Builder entries = BindingDataMap.newBuilder();
    for (Map.Entry<String, Binding> e : map.entries().entrySet()) {
      BindingData data = of(site, e.getValue(), value);
      if (data == null) {
        return null;
      }
      entries.putBindings(e.getKey(), data);
    }
    return BindingData.newBuilder().setMap(entries).build();
  }

  /** The literal of a Java value of type {@code type}, or null after recording a problem. */
  Literal literal(Site site, Object value, Type type) {
    try {
      return engine.toLiteral(value, type);
    } catch (RuntimeException e) {
      problems.add(site, "value [" + value + "] cannot be converted to [" + type.getTypeName()
          + "]: " + e.getMessage());
      return null;
    }
  }

  static BindingData promise(String nodeId, String var) {
    return BindingData.newBuilder()
        .setPromise(OutputReference.newBuilder().setNodeId(nodeId).setVar(var))
        .build();
  }

  /** A literal as binding data: scalars as they are, collections and maps (also inside a union) element-wise. */
  static BindingData fromLiteral(Literal literal) {
    if (literal.hasScalar()) {
      Scalar scalar = literal.getScalar();
      if (scalar.hasUnion() && (scalar.getUnion().getValue().hasCollection()
          || scalar.getUnion().getValue().hasMap())) {
        return fromLiteral(scalar.getUnion().getValue());
      }
      return BindingData.newBuilder().setScalar(scalar).build();
    }
    if (literal.hasCollection()) {
      BindingDataCollection.Builder items = BindingDataCollection.newBuilder();
      literal.getCollection().getLiteralsList().forEach(l -> items.addBindings(fromLiteral(l)));
      return BindingData.newBuilder().setCollection(items).build();
    }
    if (literal.hasMap()) {
      BindingDataMap.Builder entries = BindingDataMap.newBuilder();
      literal.getMap().getLiteralsMap().forEach((k, l) -> entries.putBindings(k, fromLiteral(l)));
      return BindingData.newBuilder().setMap(entries).build();
    }
    throw new IllegalArgumentException("A literal of kind [" + literal.getValueCase() + "] cannot be a binding");
  }

  private static Type unwrapOptional(Type t) {
    Type inner = typeArgument(t, Optional.class, 0);
    return inner != null ? inner : t;
  }

  private static Type typeArgument(Type t, Class<?> raw, int index) {
    if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c && raw.isAssignableFrom(c)) {
      return p.getActualTypeArguments()[index];
    }
    return null;
  }
}
