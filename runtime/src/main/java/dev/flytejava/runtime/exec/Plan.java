package dev.flytejava.runtime.exec;

import flyteidl.core.Literals.Literal;
import java.lang.reflect.Type;

/**
 * A workflow compiled once for execution: nodes by index, indegree counters, successor lists, bindings as
 * {@link Resolver}s, roots, and the workflow's inputs (with default literals) and outputs. Immutable and shared
 * by every run of the workflow.
 */
final class Plan {
  final int size;
  final String[] ids;
  final NodeExec[] execs;
  final Resolver[][] inputs;
  final int[] indegree;
  final int[][] successors;
  final int[] roots;
  final boolean[] teardown;
  final int[][] dataDeps;
  final String[] inputNames;
  final Type[] inputTypes;
  final Literal[] inputDefaults;
  final String[] outputNames;
  final Type[] outputTypes;
  final Resolver[] outputs;

  Plan(String[] ids, NodeExec[] execs, Resolver[][] inputs, int[] indegree, int[][] successors,
      int[] roots, boolean[] teardown, int[][] dataDeps, String[] inputNames, Type[] inputTypes,
      Literal[] inputDefaults, String[] outputNames, Type[] outputTypes, Resolver[] outputs) {
    this.size = ids.length;
    this.ids = ids;
    this.execs = execs;
    this.inputs = inputs;
    this.indegree = indegree;
    this.successors = successors;
    this.roots = roots;
    this.teardown = teardown;
    this.dataDeps = dataDeps;
    this.inputNames = inputNames;
    this.inputTypes = inputTypes;
    this.inputDefaults = inputDefaults;
    this.outputNames = outputNames;
    this.outputTypes = outputTypes;
    this.outputs = outputs;
  }

  int inputIndex(String name) {
    for (int i = 0; i < inputNames.length; i++) {
      if (inputNames[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
