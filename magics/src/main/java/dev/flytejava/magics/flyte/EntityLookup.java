package dev.flytejava.magics.flyte;

import java.util.Optional;

/** Finds the entities a workflow calls: the registry's declarations, or {@link CurrentCode}'s current versions. */
interface EntityLookup {
    Optional<Entity> find(String name);

    /** The error for a name that is not declared, listing what is. */
    UnknownEntityException unknown(String name, String where);
}
