package dev.flytejava.kernel.magics;

import java.lang.management.ManagementFactory;
import java.util.Locale;

import dev.flytejava.magics.CellMagic;
import dev.flytejava.magics.LineMagic;
import dev.flytejava.magics.MagicContext;

/**
 * {@code %time STATEMENT} and {@code %%time}: evaluates Java source, prints
 * {@code Wall time: X ms, CPU time: Y ms} as IPython's {@code %time} does, and returns the value.
 * CPU time is the whole process's (like IPython's), because the kernel may run the code on another thread.
 */
public final class TimeMagic implements LineMagic, CellMagic {

    public static final String NAME = "time";
    public static final String LINE_SUMMARY = "Times one statement or expression (wall and CPU time).";
    public static final String CELL_SUMMARY = "Times the whole cell (wall and CPU time).";
    public static final String LINE_USAGE = """
            Usage: %time STATEMENT
            Evaluates STATEMENT (Java, as in a cell), prints "Wall time: X ms, CPU time: Y ms" and
            returns its value. CPU time counts every thread of the kernel's process.
            Example: %time java.util.stream.LongStream.range(0, 10_000_000).sum()""";
    public static final String CELL_USAGE = """
            Usage: %%time
                   CELL BODY
            Evaluates the cell body (Java, as a cell), prints "Wall time: X ms, CPU time: Y ms" and
            returns the value of its last expression. CPU time counts every thread of the kernel's process.""";

    @Override
    public Object eval(MagicContext context, String statement) throws Exception {
        if (statement.isBlank()) {
            throw new MagicArgumentException("%time", "Missing parameter [STATEMENT]", "%time STATEMENT");
        }
        return timed(context, statement);
    }

    @Override
    public Object eval(MagicContext context, String args, String body) throws Exception {
        if (!args.isBlank()) {
            throw new MagicArgumentException("%%time", "Unexpected argument [" + args.strip() + "]",
                    "%%time on its own line, then the code to time");
        }
        return timed(context, body);
    }

    private static Object timed(MagicContext context, String source) throws Exception {
        long cpu0 = processCpuNanos();
        long wall0 = System.nanoTime();
        Object value = context.eval(source);
        long wall = System.nanoTime() - wall0;
        long cpu = cpu0 < 0 ? -1 : processCpuNanos() - cpu0;
        context.out().println(format(wall, cpu));
        return value;
    }

    static String format(long wallNanos, long cpuNanos) {
        return String.format(Locale.ROOT, "Wall time: %s ms, CPU time: %s ms", millis(wallNanos),
                cpuNanos < 0 ? "n/a" : millis(cpuNanos));
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
    }

    /** Process CPU time in nanoseconds, or -1 where the JVM cannot tell. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
