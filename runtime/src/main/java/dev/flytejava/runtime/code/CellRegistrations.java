package dev.flytejava.runtime.code;

import dev.flytejava.runtime.types.TypeEngine;

/**
 * Where a notebook cell's {@code TypeEngine.register(...)} goes when the cell's code runs outside the notebook: in a
 * task's container, the shipped code re-runs the cells that registered the transformers its types need, and their
 * registrations must reach the container's engine. The notebook's {@code TypeEngine} facade asks here first.
 */
public final class CellRegistrations {
    private CellRegistrations() {}

    private static volatile TypeEngine target;

    /** The engine registrations go to while shipped code is being set up, or null in a notebook. */
    public static TypeEngine target() {
        return target;
    }

    /** Runs {@code setUp} with registrations going to {@code engine}. */
    static void into(TypeEngine engine, Runnable setUp) {
        synchronized (CellRegistrations.class) {
            target = engine;
            try {
                setUp.run();
            } finally {
                target = null;
            }
        }
    }
}
