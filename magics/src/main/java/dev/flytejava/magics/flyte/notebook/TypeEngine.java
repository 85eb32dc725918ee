package dev.flytejava.magics.flyte.notebook;

import dev.flytejava.runtime.code.CellRegistrations;
import dev.flytejava.magics.flyte.FlyteNotebook;
import dev.flytejava.runtime.types.TypeTransformer;
import java.lang.reflect.Type;

/**
 * The notebook's view of the session's type engine, so that a cell can write
 * {@code TypeEngine.register(new PointTransformer());} as in plain Java. It is imported into the session
 * instead of {@code dev.flytejava.runtime.types.TypeEngine} and delegates to the engine of the running
 * Flyte session; tasks declared afterwards use the transformer.
 */
public final class TypeEngine {
    private TypeEngine() {}

    /**
     * Adds a transformer. Running the same cell again replaces what that cell registered before; a
     * transformer registered elsewhere for the same class is an error (use {@link #replace}).
     */
    public static void register(TypeTransformer<?> transformer) {
        dev.flytejava.runtime.types.TypeEngine shipped = CellRegistrations.target();
        if (shipped != null) {
            shipped.replace(transformer); // the cell re-run by a task's shipped code, in its container
        } else {
            FlyteNotebook.session().registerTransformer(transformer);
        }
    }

    /** Adds or replaces the transformer for its type, e.g. after editing the cell that defines it. */
    public static void replace(TypeTransformer<?> transformer) {
        dev.flytejava.runtime.types.TypeEngine shipped = CellRegistrations.target();
        if (shipped != null) {
            shipped.replace(transformer);
        } else {
            FlyteNotebook.session().typeEngine().replace(transformer);
        }
    }

    /** The Flyte type of a Java type, as text (e.g. {@code LIST<INTEGER>}). */
    public static String describe(Type javaType) {
        return FlyteNotebook.session().describe(javaType);
    }

    /** The session's engine itself. */
    public static dev.flytejava.runtime.types.TypeEngine engine() {
        return FlyteNotebook.session().typeEngine();
    }
}
