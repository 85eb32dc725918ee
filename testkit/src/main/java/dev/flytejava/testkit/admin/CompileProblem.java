package dev.flytejava.testkit.admin;

/** One of flytepropeller's compile errors: its code (CycleDetected, MismatchingTypes ...), node and description. */
record CompileProblem(String code, String nodeId, String description) {
  @Override
  public String toString() {
    return "Code: " + code + ", Node Id: " + nodeId + ", Description: " + description;
  }
}
