package dev.flytejava.kernel.magics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.flytejava.magics.MagicContext;

/**
 * The class path entries a session's magics added ({@code %classpath add}, {@code %jars}, {@code %maven}),
 * in the order they were added, so {@code %classpath} can list them and no entry is added twice.
 * One instance per session, shared by the magics of one {@link GeneralMagicProvider#register} call.
 */
public final class AddedClasspath {

    private final Set<Path> entries = new LinkedHashSet<>();

    /**
     * Adds the entries not added before to the session's class path.
     *
     * @return the entries that were new, in order
     */
    public synchronized List<Path> add(MagicContext context, List<Path> paths) {
        List<Path> fresh = new ArrayList<>();
        for (Path path : paths) {
            Path normalized = path.toAbsolutePath().normalize();
            if (!entries.contains(normalized) && !fresh.contains(normalized)) fresh.add(normalized);
        }
        if (!fresh.isEmpty()) {
            context.addToClasspath(List.copyOf(fresh));
            entries.addAll(fresh);
        }
        return fresh;
    }

    public synchronized List<Path> entries() {
        return List.copyOf(entries);
    }
}
