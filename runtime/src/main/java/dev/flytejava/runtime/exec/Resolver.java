package dev.flytejava.runtime.exec;

import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralCollection;
import flyteidl.core.Literals.LiteralMap;

/**
 * A binding compiled to indices: reads a workflow input or an upstream output of the current run, or builds a
 * constant, list or map literal. Resolution never converts values; literals flow between nodes as they are.
 */
abstract class Resolver {
  abstract Literal resolve(Run run);

  static Resolver input(int index) {
    return new Resolver() {
      @Override
      Literal resolve(Run run) {
        return run.inputs[index];
      }
    };
  }

  static Resolver constant(Literal literal) {
    return new Resolver() {
      @Override
      Literal resolve(Run run) {
        return literal;
      }
    };
  }

  static Resolver output(int node, int output) {
    return new Resolver() {
      @Override
      Literal resolve(Run run) {
        return run.outputs[node][output];
      }
    };
  }

  static Resolver list(Resolver[] items) {
    return new Resolver() {
      @Override
      Literal resolve(Run run) {
        Literal[] values = new Literal[items.length];
        for (int i = 0; i < values.length; i++) {
          values[i] = items[i].resolve(run);
        }
        return Literal.newBuilder().setCollection(LiteralCollection.newBuilder()
            .addAllLiterals(java.util.Arrays.asList(values))).build();
      }
    };
  }

  static Resolver map(String[] keys, Resolver[] values) {
    return new Resolver() {
      @Override
      Literal resolve(Run run) {
        LiteralMap.Builder m = LiteralMap.newBuilder();
        for (int i = 0; i < keys.length; i++) {
          m.putLiterals(keys[i], values[i].resolve(run));
        }
        return Literal.newBuilder().setMap(m).build();
      }
    };
  }
}
