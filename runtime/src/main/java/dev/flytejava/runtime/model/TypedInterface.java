package dev.flytejava.runtime.model;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The ordered inputs and outputs of a task or workflow.
 *
 * <p>Outputs follow flytekit: a single return value is output {@code o0}, {@code void} has none, and a record
 * annotated {@link Outputs} has one output per component, in declaration order. {@code outputRecord} is that
 * record class (or {@code null}), used to split a returned record into outputs and to rebuild it for callers.
 */
public record TypedInterface(List<Variable> inputs, List<Variable> outputs, Class<? extends Record> outputRecord) {

  /** The name of the single output of a task or workflow that returns one value. */
  public static final String SINGLE_OUTPUT = "o0";

  public TypedInterface {
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
    requireUnique(inputs, "input");
    requireUnique(outputs, "output");
    if (outputRecord != null) {
      RecordComponent[] components = outputRecord.getRecordComponents();
      if (components.length != outputs.size()) {
        throw new IllegalArgumentException("Output record [" + outputRecord.getName() + "] has "
            + components.length + " components but the interface has " + outputs.size() + " outputs");
      }
    }
  }

  /** An interface with the given inputs and outputs derived from a Java return type (see class doc). */
  public static TypedInterface of(List<Variable> inputs, Type returnType) {
    return new TypedInterface(inputs, outputsOf(returnType), outputRecordOf(returnType));
  }

  /** The outputs a Java return type stands for: none for void, components of an {@link Outputs} record, else o0. */
  public static List<Variable> outputsOf(Type returnType) {
    if (returnType == void.class || returnType == Void.class) {
      return List.of();
    }
    Class<? extends Record> record = outputRecordOf(returnType);
    if (record == null) {
      return List.of(new Variable(SINGLE_OUTPUT, returnType));
    }
    List<Variable> out = new ArrayList<>();
    for (RecordComponent c : record.getRecordComponents()) {
      out.add(new Variable(c.getName(), c.getGenericType()));
    }
    return out;
  }

  /** The {@link Outputs} record a Java return type is, or null. */
  @SuppressWarnings("unchecked")
  public static Class<? extends Record> outputRecordOf(Type returnType) {
    if (returnType instanceof Class<?> c && c.isRecord() && c.isAnnotationPresent(Outputs.class)) {
      return (Class<? extends Record>) c;
    }
    return null;
  }

  /** Index of the named input, or -1. */
  public int inputIndex(String name) {
    return indexOf(inputs, name);
  }

  /** Index of the named output, or -1. */
  public int outputIndex(String name) {
    return indexOf(outputs, name);
  }

  public Variable input(String name) {
    int i = inputIndex(name);
    return i < 0 ? null : inputs.get(i);
  }

  public Variable output(String name) {
    int i = outputIndex(name);
    return i < 0 ? null : outputs.get(i);
  }

  public List<String> inputNames() {
    return inputs.stream().map(Variable::name).toList();
  }

  public List<String> outputNames() {
    return outputs.stream().map(Variable::name).toList();
  }

  /**
   * What a Java caller gets back from {@code outputs} (output name to value): {@code null} without outputs, the
   * {@link #outputRecord} rebuilt from them, the single value, or else the map itself.
   */
  public Object javaResult(Map<String, Object> byName) {
    if (outputs.isEmpty()) {
      return null;
    }
    if (outputRecord != null) {
      RecordComponent[] rc = outputRecord.getRecordComponents();
      Class<?>[] types = new Class<?>[rc.length];
      Object[] values = new Object[rc.length];
      for (int i = 0; i < rc.length; i++) {
        types[i] = rc[i].getType();
        values[i] = byName.get(rc[i].getName());
      }
      try {
        Constructor<? extends Record> c = outputRecord.getDeclaredConstructor(types);
        c.trySetAccessible(); // records declared in a test or a notebook cell are often not public
        return c.newInstance(values);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Cannot rebuild output record [" + outputRecord.getName() + "]", e);
      }
    }
    if (byName.size() == 1) {
      return byName.values().iterator().next();
    }
    return byName;
  }

  private static int indexOf(List<Variable> vars, String name) {
    for (int i = 0; i < vars.size(); i++) {
      if (vars.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static void requireUnique(List<Variable> vars, String kind) {
    Set<String> seen = new HashSet<>();
    for (Variable v : vars) {
      Objects.requireNonNull(v, kind);
      if (!seen.add(v.name())) {
        throw new IllegalArgumentException("Duplicate " + kind + " [" + v.name() + "]");
      }
    }
  }
}
