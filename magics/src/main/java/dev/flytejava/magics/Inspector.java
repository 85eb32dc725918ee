package dev.flytejava.magics;

import dev.flytejava.magics.display.Displayable;
import java.util.Optional;

/**
 * Describes a name a cell uses, for the front end's inspect request (Shift+Tab): the Flyte magics describe the methods
 * that run declared tasks, workflows and launch plans by their Flyte interface. The kernel shows what an inspector
 * returns above JShell's signature of the name.
 */
@FunctionalInterface
public interface Inspector {

    /** A description of {@code name} (an identifier), if this inspector knows it. */
    Optional<Displayable> inspect(String name);
}
