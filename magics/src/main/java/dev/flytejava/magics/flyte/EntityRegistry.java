package dev.flytejava.magics.flyte;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The session's tasks, workflows and launch plans. One name is one entity: declaring a name again
 * replaces what had it (re-running an edited cell). Lookup is by Flyte name, then by Java method name.
 */
final class EntityRegistry implements EntityLookup {
    private final Map<String, Entity> byName = new LinkedHashMap<>();
    /** Counts declarations: what was derived from the registry is stale once it changes. */
    private volatile long version;

    synchronized void put(Entity entity) {
        byName.values().removeIf(e -> e.method().equals(entity.method()) || e.name().equals(entity.name()));
        byName.put(entity.name(), entity);
        version++;
    }

    long version() {
        return version;
    }

    @Override
    public synchronized Optional<Entity> find(String name) {
        Entity e = byName.get(name);
        if (e != null) return Optional.of(e);
        return byName.values().stream().filter(x -> x.method().equals(name)).findFirst();
    }

    synchronized <T extends Entity> List<T> all(Class<T> kind) {
        List<T> out = new ArrayList<>();
        for (Entity e : byName.values()) {
            if (kind.isInstance(e)) out.add(kind.cast(e));
        }
        return out;
    }

    /** "addOne (task), pipeline (workflow)": for errors that list what exists. */
    synchronized String describeAll() {
        if (byName.isEmpty()) return "none declared yet";
        StringBuilder sb = new StringBuilder();
        for (Entity e : byName.values()) sb.append(sb.length() == 0 ? "" : ", ").append(e.name()).append(" (").append(e.kind()).append(')');
        return sb.toString();
    }

    /** A name that is neither known nor a fit: the error a user sees. */
    @Override
    public UnknownEntityException unknown(String name, String where) {
        return new UnknownEntityException(name, where, describeAll());
    }
}
