package dev.flytejava.runtime.idl;

import java.util.List;
import java.util.stream.Collectors;

/** Entities that cannot be compiled to Flyte specs: every problem found, each naming its entity, node and input. */
public final class IdlCompileException extends RuntimeException {

  /**
   * Where a problem is: the entity ({@code task [x]}, {@code workflow [y]}, {@code launch plan [z]}), and where they
   * apply the node id, the input and the output name ({@code null} otherwise).
   */
  public record Site(String entity, String node, String input, String output) {
    static Site of(String entity) {
      return new Site(entity, null, null, null);
    }

    Site node(String nodeId) {
      return new Site(entity, nodeId, null, null);
    }

    Site input(String name) {
      return new Site(entity, node, name, null);
    }

    Site output(String name) {
      return new Site(entity, node, null, name);
    }

    @Override
    public String toString() {
      StringBuilder s = new StringBuilder(entity);
      if (node != null) {
        s.append(", node [").append(node).append(']');
      }
      if (input != null) {
        s.append(", input [").append(input).append(']');
      }
      if (output != null) {
        s.append(", output [").append(output).append(']');
      }
      return s.toString();
    }
  }

  /** One problem and where it is. */
  public record Problem(Site site, String message) {
    @Override
    public String toString() {
      return site + ": " + message;
    }
  }

  private final List<Problem> problems;

  public IdlCompileException(List<Problem> problems) {
    super(render(problems));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String render(List<Problem> problems) {
    if (problems.size() == 1) {
      return "Cannot compile to Flyte specs: " + problems.get(0);
    }
    return "Cannot compile to Flyte specs (" + problems.size() + " problems):"
        + problems.stream().map(p -> "\n  - " + p).collect(Collectors.joining());
  }
}
