package bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/** The benchmark data, identical on both sides: seeded random longs and rows (long, double, String). */
final class Data {

    record Row(long id, double score, String name) {}

    private Data() {}

    static List<Long> longs(int n) {
        Random random = new Random(42);
        List<Long> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(random.nextLong());
        }
        return list;
    }

    /** Reads every element, so both sides pay for the values they hand back. */
    static long sumOfLongs(List<Long> values) {
        long sum = 0;
        for (Long value : values) {
            sum += value;
        }
        return sum;
    }

    /** The command line both sides take: LONGS RECORDS WARMUP RUNS. */
    record Args(int longs, int records, int warmup, int runs) {
        static Args parse(String[] args) {
            return new Args(Integer.parseInt(args[0]), Integer.parseInt(args[1]),
                    Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        }
    }

    /** {@code n} rows as each side's own record type. */
    static <R> List<R> records(int n, Function<Row, R> make) {
        List<R> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(make.apply(row(i)));
        }
        return list;
    }

    /** Fails the run when a round trip lost data; returns true so callers can hand it to the timer. */
    static boolean check(boolean ok) {
        if (!ok) {
            throw new AssertionError("round trip lost data");
        }
        return ok;
    }

    static Row row(int i) {
        Random random = new Random(i);
        // ids stay below 2^53: the peer carries records as protobuf Structs, whose numbers are doubles
        return new Row(random.nextInt(1_000_000_000) * 1000L, random.nextDouble() * 1000, "name-" + Integer.toHexString(random.nextInt()));
    }
}
