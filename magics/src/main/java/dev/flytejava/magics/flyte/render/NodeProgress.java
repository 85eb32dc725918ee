package dev.flytejava.magics.flyte.render;

import java.time.Duration;
import java.util.Optional;

/**
 * What a run view shows of one node: its state, time so far, attempt, cache hit, error if any, and for a map node how
 * its elements are doing ({@code 37 done, 1 failed, 4 running}).
 */
public record NodeProgress(String nodeId, State state, Duration duration, int attempt, boolean cacheHit,
                           Optional<String> error, Optional<String> elements) {

    public NodeProgress(String nodeId, State state, Duration duration, int attempt, boolean cacheHit, Optional<String> error) {
        this(nodeId, state, duration, attempt, cacheHit, error, Optional.empty());
    }

    public NodeProgress withElements(String elements) {
        return new NodeProgress(nodeId, state, duration, attempt, cacheHit, error, Optional.of(elements));
    }

    public enum State {
        WAITING("#f4f4f4", "#9e9e9e"), RUNNING("#dbeafe", "#2563eb"), SUCCEEDED("#dcfce7", "#16a34a"),
        CACHED("#ccfbf1", "#0d9488"), FAILED("#fee2e2", "#dc2626"), SKIPPED("#fafafa", "#d4d4d4");

        final String fill;
        final String stroke;

        State(String fill, String stroke) {
            this.fill = fill;
            this.stroke = stroke;
        }
    }

    public static NodeProgress waiting(String nodeId) {
        return new NodeProgress(nodeId, State.WAITING, Duration.ZERO, 0, false, Optional.empty());
    }

    public String durationText() {
        long ms = duration.toMillis();
        return ms < 1000 ? ms + " ms" : String.format(java.util.Locale.ROOT, "%.2f s", ms / 1000.0);
    }
}
