package dev.flytejava.runtime.types.internal;

import dev.flytejava.runtime.types.NoTransformerException;
import dev.flytejava.runtime.types.PinnedType;
import dev.flytejava.runtime.types.TypeTransformer;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The transformers of one engine and the single place that picks one for a Java type (see {@link #find}).
 * Registration is synchronized and copy-on-write; lookups read an immutable snapshot without locking.
 */
public final class TransformerRegistry {

    /** Where a transformer came from; a later source overrides an earlier one for the same class. */
    public enum Source { BUILT_IN, SERVICE_LOADER, REGISTERED }

    private record Entry(TypeTransformer<?> transformer, Source source) {}

    private volatile Map<Class<?>, Entry> byClass = Map.of();

    private final ListTransformer list = new ListTransformer();
    private final MapTransformer map = new MapTransformer();
    private final OptionalTransformer optional = new OptionalTransformer();
    private final EnumTransformer enums = new EnumTransformer();
    private final PinnedTypeTransformer pinned = new PinnedTypeTransformer();
    private final UntypedStructTransformer untypedStruct;
    private final JacksonStructTransformer jackson;

    public TransformerRegistry(JacksonMappers mappers) {
        this.untypedStruct = new UntypedStructTransformer(mappers);
        this.jackson = new JacksonStructTransformer(mappers);
    }

    /**
     * Adds a transformer for {@code transformer.type()}. A transformer from a later source replaces one from an
     * earlier source (built-ins &lt; ServiceLoader &lt; register); two from the same source are a mistake.
     *
     * @throws IllegalStateException naming both transformers for a duplicate
     */
    public synchronized void add(TypeTransformer<?> transformer, Source source) {
        Class<?> type = key(transformer);
        Entry existing = byClass.get(type);
        if (existing != null && existing.source() == source) {
            throw new IllegalStateException("A TypeTransformer for type [" + type.getName() + "] is already registered: ["
                    + describe(existing.transformer()) + "]; cannot also register [" + describe(transformer)
                    + "]. Use TypeEngine.replace(...) to override it");
        }
        if (existing == null || existing.source().compareTo(source) < 0) {
            put(type, new Entry(transformer, source));
        }
    }

    /** Puts a transformer for its class whatever was there: the explicit override. */
    public synchronized void replace(TypeTransformer<?> transformer) {
        put(key(transformer), new Entry(transformer, Source.REGISTERED));
    }

    private void put(Class<?> type, Entry entry) {
        Map<Class<?>, Entry> copy = new LinkedHashMap<>(byClass);
        copy.put(type, entry);
        byClass = copy;
    }

    private static Class<?> key(TypeTransformer<?> transformer) {
        Class<?> type = transformer.type();
        if (type == null) {
            throw new IllegalArgumentException("TypeTransformer [" + describe(transformer) + "] returns null from type()");
        }
        return JavaTypeNames.boxed(type);
    }

    private static String describe(TypeTransformer<?> transformer) {
        String text = transformer.toString();
        return text.contains("@") ? transformer.getClass().getName() : text;
    }

    /**
     * The transformer for a Java type, found in this order (the first match wins):
     * <ol>
     *   <li>a {@link PinnedType}: the pinned-type transformer (its value type is then looked up the same way);</li>
     *   <li>the exact class (primitives as their boxes; generic types by their raw class), from built-ins,
     *       ServiceLoader or {@code register}, the later source winning;</li>
     *   <li>built-in kinds: enums, {@code List<T>}, {@code Map<String, Object>} (untyped STRUCT),
     *       {@code Map<String, T>}, {@code Optional<T>};</li>
     *   <li>a transformer registered for a superclass, nearest first;</li>
     *   <li>a transformer registered for an implemented interface, breadth first;</li>
     *   <li>records and POJOs, through Jackson (STRUCT);</li>
     *   <li>otherwise {@link NoTransformerException}, saying why Jackson could not take it.</li>
     * </ol>
     */
    public TypeTransformer<?> find(Type type) {
        if (type instanceof PinnedType) {
            return pinned;
        }
        Class<?> raw = JavaTypeNames.rawClass(type);
        if (raw == null) {
            throw new NoTransformerException(type, "type variables and open wildcards have no Flyte type; name a concrete type");
        }
        Map<Class<?>, Entry> snapshot = byClass;
        Entry exact = snapshot.get(JavaTypeNames.boxed(raw));
        if (exact != null) {
            return exact.transformer();
        }
        if (Enum.class.isAssignableFrom(raw) && raw != Enum.class) {
            return enums;
        }
        if (raw == List.class) {
            return list;
        }
        if (raw == Map.class) {
            return isUntypedMap(type) ? untypedStruct : map;
        }
        if (raw == Optional.class) {
            return optional;
        }
        for (Class<?> c = raw.getSuperclass(); c != null && c != Object.class; c = c.getSuperclass()) {
            Entry entry = snapshot.get(c);
            if (entry != null) {
                return entry.transformer();
            }
        }
        for (Class<?> c : interfacesBreadthFirst(raw)) {
            Entry entry = snapshot.get(c);
            if (entry != null) {
                return entry.transformer();
            }
        }
        String rejection = jackson.rejectionReason(raw);
        if (rejection == null) {
            return jackson;
        }
        throw new NoTransformerException(type, rejection);
    }

    /** {@code Map<String, Object>} (or {@code Map<String, ?>}): flytekit's untyped dict. */
    private static boolean isUntypedMap(Type type) {
        if (!(type instanceof java.lang.reflect.ParameterizedType p)) {
            return false;
        }
        Type value = p.getActualTypeArguments()[1];
        return p.getActualTypeArguments()[0] == String.class && (value == Object.class
                || value instanceof java.lang.reflect.WildcardType w && w.getLowerBounds().length == 0
                        && (w.getUpperBounds().length == 0 || w.getUpperBounds()[0] == Object.class));
    }

    private static List<Class<?>> interfacesBreadthFirst(Class<?> raw) {
        List<Class<?>> order = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        Deque<Class<?>> queue = new ArrayDeque<>();
        for (Class<?> c = raw; c != null; c = c.getSuperclass()) {
            queue.addAll(List.of(c.getInterfaces()));
        }
        while (!queue.isEmpty()) {
            Class<?> next = queue.removeFirst();
            if (seen.add(next)) {
                order.add(next);
                queue.addAll(List.of(next.getInterfaces()));
            }
        }
        return order;
    }

    /** Transformers from ServiceLoader and register, newest source first; for guessing Java types. */
    public List<TypeTransformer<?>> pluggedIn() {
        List<TypeTransformer<?>> result = new ArrayList<>();
        for (Source source : List.of(Source.REGISTERED, Source.SERVICE_LOADER)) {
            byClass.values().stream().filter(e -> e.source() == source).forEach(e -> result.add(e.transformer()));
        }
        return result;
    }
}
