package dev.flytejava.testkit.admin;

import dev.flytejava.runtime.entrypoint.Entrypoint;
import dev.flytejava.runtime.entrypoint.EntrypointArgs;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code flyte-java entrypoint --task ... --code ... --inputs ... --output-prefix ...} for tests in this module, which
 * cannot use the kernel's CLI (it depends on the testkit): the same parse of the container's option pairs into the
 * runtime's entrypoint.
 */
public final class EntrypointMain {
  private EntrypointMain() {}

  public static void main(String[] args) {
    if (args.length < 1 || !args[0].equals("entrypoint") || args.length % 2 != 1) {
      System.err.println("usage: flyte-java entrypoint --task T --code C --inputs I --output-prefix O ...");
      System.exit(2);
    }
    Map<String, String> v = new HashMap<>();
    for (int i = 1; i < args.length; i += 2) {
      v.put(args[i], args[i + 1]);
    }
    System.exit(Entrypoint.main(new EntrypointArgs(v.get("--task"), v.get("--code"), v.get("--inputs"),
        v.get("--output-prefix"), v.get("--raw-output-data-prefix"), v.get("--checkpoint-path"),
        v.get("--prev-checkpoint")), System.err));
  }
}
