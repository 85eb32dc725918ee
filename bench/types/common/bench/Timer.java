package bench;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** A small hand harness: warmup rounds, then measured rounds; reports medians in milliseconds. */
final class Timer {

    private Timer() {}

    /** Returns {to, back, total} medians (ms) of converting the value to a literal and back. */
    static <V, L> double[] measure(int warmup, int runs, Supplier<V> value, Function<V, L> to, Predicate<L> back) {
        double[] toMs = new double[runs];
        double[] backMs = new double[runs];
        double[] totalMs = new double[runs];
        for (int i = -warmup; i < runs; i++) {
            System.gc();
            V v = value.get();
            long t0 = System.nanoTime();
            L literal = to.apply(v);
            long t1 = System.nanoTime();
            back.test(literal);
            long t2 = System.nanoTime();
            if (i >= 0) {
                toMs[i] = (t1 - t0) / 1e6;
                backMs[i] = (t2 - t1) / 1e6;
                totalMs[i] = (t2 - t0) / 1e6;
            }
        }
        return new double[] {median(toMs), median(backMs), median(totalMs)};
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static String json(Map<String, double[]> figures) {
        StringBuilder json = new StringBuilder("{");
        new TreeMap<>(figures).forEach((name, f) -> json.append(json.length() > 1 ? "," : "")
                .append(String.format("\"%s_to_ms\":%.2f,\"%s_back_ms\":%.2f,\"%s_ms\":%.2f", name, f[0], name, f[1], name, f[2])));
        return json.append("}").toString();
    }
}
