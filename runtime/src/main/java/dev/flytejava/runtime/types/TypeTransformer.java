package dev.flytejava.runtime.types;

import dev.flytejava.runtime.types.internal.ViaTransformer;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Types.LiteralType;
import java.lang.reflect.Type;
import java.util.Optional;
import java.util.function.Function;

/**
 * Converts values of one Java class to Flyte literals and back.
 *
 * <p>A transformer is registered for {@link #type()}; the engine hands it every Java type whose raw class is
 * that class (for example {@code Pair<String, Long>} for a transformer of {@code Pair}), and, when nothing more
 * specific is registered, subclasses and implementations of it (see {@link TypeEngine} for the lookup order).
 * Nested values are converted through the {@link TransformerContext}, never through the engine directly.
 *
 * <p>Implementations must be thread-safe; the engine calls them concurrently.
 *
 * @param <T> the Java class handled
 */
public interface TypeTransformer<T> {

    /** The class this transformer is registered for. */
    Class<T> type();

    /**
     * A short name, used as the union variant tag inside {@code Optional} literals. flytekit reads that tag,
     * so built-ins use flytekit's transformer names ("int", "str", ...).
     */
    default String name() {
        return type().getSimpleName();
    }

    /** The Flyte type of values of {@code javaType}. */
    LiteralType literalType(Type javaType, TransformerContext context);

    /** Converts a non-null value; the engine has already checked that it is an instance of {@link #type()}. */
    Literal toLiteral(T value, Type javaType, TransformerContext context);

    /** Converts a literal back to a value of {@code javaType}; never returns null. */
    T toJava(Literal literal, Type javaType, TransformerContext context);

    /**
     * A Java type this transformer would use for values of {@code literalType}, if it recognises it; used to
     * call entities whose interface is only known as Flyte types (remote tasks, launch plans).
     */
    default Optional<Type> guessJavaType(LiteralType literalType, TransformerContext context) {
        return Optional.empty();
    }

    /**
     * A transformer for {@code type} that converts its values to a type the engine already knows, for example
     * {@code TypeTransformer.via(Point.class, String.class, p -> p.x() + "," + p.y(), Point::parse)}: a Point
     * then travels as a Flyte STRING.
     */
    static <T, S> TypeTransformer<T> via(Class<T> type, Class<S> known, Function<T, S> to, Function<S, T> from) {
        return new ViaTransformer<>(type, known, to, from);
    }
}
