package bench;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The timing both engines share: warm up, time each run, report per-node wall (median) and CPU (mean). */
final class RunTimer {
  private RunTimer() {}

  /** Returns {median wall us per node, mean process CPU us per node}; {@code check} validates every result. */
  static <T> double[] measure(int nodes, int warmup, int runs, Supplier<T> run, Consumer<T> check) {
    for (int i = 0; i < warmup; i++) {
      check.accept(run.get());
    }
    long[] nanos = new long[runs];
    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
        java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime(); // coarse (10 ms here): measured over all timed runs together
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      T out = run.get();
      nanos[i] = System.nanoTime() - t0;
      check.accept(out);
    }
    long cpu = os.getProcessCpuTime() - cpu0;
    Arrays.sort(nanos);
    return new double[] {nanos[runs / 2] / 1000.0 / nodes, cpu / 1000.0 / nodes / runs};
  }
}
