package bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

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

    static Row row(int i) {
        Random random = new Random(i);
        // ids stay below 2^53: the peer carries records as protobuf Structs, whose numbers are doubles
        return new Row(random.nextInt(1_000_000_000) * 1000L, random.nextDouble() * 1000, "name-" + Integer.toHexString(random.nextInt()));
    }
}
