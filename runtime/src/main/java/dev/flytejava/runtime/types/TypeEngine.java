package dev.flytejava.runtime.types;

import dev.flytejava.runtime.types.internal.BlobTransformer;
import dev.flytejava.runtime.types.internal.StructuredDatasetTransformer;
import dev.flytejava.runtime.types.internal.BoundConverter;
import dev.flytejava.runtime.types.internal.Describe;
import dev.flytejava.runtime.types.internal.JacksonMappers;
import dev.flytejava.runtime.types.internal.JavaTypeNames;
import dev.flytejava.runtime.types.internal.LiteralTypeGuesser;
import dev.flytejava.runtime.types.internal.LiteralTypeShapes;
import dev.flytejava.runtime.types.internal.ScalarTransformers;
import dev.flytejava.runtime.types.internal.TransformerRegistry;
import dev.flytejava.runtime.types.internal.TransformerRegistry.Source;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Types.LiteralType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Converts Java values to Flyte literals and back, and Java types to Flyte literal types.
 *
 * <h2>Built-in types</h2>
 * boolean/Boolean (BOOLEAN), int/Integer/long/Long (INTEGER), float/Float/double/Double (FLOAT), String (STRING),
 * Instant, OffsetDateTime and LocalDateTime (DATETIME, read back at UTC), Duration (DURATION), byte[] (BINARY, raw
 * bytes), enums (EnumType of the constants' names or {@code @JsonProperty} values, as flytekit uses a Python enum's values), {@code List<T>} (collection), {@code Map<String, T>} (map),
 * {@code Map<String, Object>} (untyped STRUCT, flytekit's {@code dict}), {@code Optional<T>} (union of T and
 * NONE, as flytekit's {@code Optional[T]}), {@link FlyteFile} and {@link java.nio.file.Path} (BLOB single),
 * {@link FlyteDirectory} (BLOB multipart), {@link StructuredDataset} (a structured dataset by reference), and records and POJOs through Jackson (STRUCT with a JSON schema;
 * values are msgpack Binary, tag {@code msgpack}, as flytekit's dataclasses), all nested freely.
 *
 * <h2>Which transformer handles a type</h2>
 * A per-variable override first ({@link #converter(Type, TypeTransformer)}); otherwise
 * {@code TransformerRegistry.find}: a {@link PinnedType}; then the exact class; then built-in kinds (enum,
 * List, Map, Optional); then transformers registered for superclasses, then for interfaces; then records and
 * POJOs through Jackson; otherwise {@link NoTransformerException}. For the same class, transformers from
 * {@link #register} override those found by ServiceLoader, which override the built-ins; registering twice
 * from the same source is an error, {@link #replace} overrides explicitly.
 *
 * <p>Null is only accepted for {@code Optional} types (as empty). Errors are {@link TypeTransformerException}s
 * naming the value, its Java type, the Flyte type and the {@link TypeTransformerException#path() path} inside
 * the value. The engine is thread-safe; converters are resolved once per type and cached.
 */
public final class TypeEngine {

    private final ClassLoader classLoader;
    private final TransformerRegistry registry;
    private final ConcurrentHashMap<Type, BoundConverter> converters = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<LiteralType, Type> guesses = new ConcurrentHashMap<>();
    private final TransformerContext context = new Context();

    private TypeEngine(ClassLoader classLoader, TransformerRegistry registry) {
        this.classLoader = classLoader;
        this.registry = registry;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Built-ins plus every {@code TypeTransformer} that {@link ServiceLoader} finds through {@code loader}. */
    public static TypeEngine createDefault(ClassLoader loader) {
        return builder().classLoader(loader).build();
    }

    /**
     * Adds a transformer at run time (from a notebook cell). It overrides a built-in or ServiceLoader transformer
     * for the same class.
     *
     * @throws IllegalStateException if one was already registered for that class; use {@link #replace}
     */
    public void register(TypeTransformer<?> transformer) {
        registry.add(Objects.requireNonNull(transformer, "transformer"), Source.REGISTERED);
        forgetResolved();
    }

    /** Registers a transformer, replacing whatever handled its class. */
    public void replace(TypeTransformer<?> transformer) {
        registry.replace(Objects.requireNonNull(transformer, "transformer"));
        forgetResolved();
    }

    private void forgetResolved() {
        converters.clear();
        guesses.clear();
    }

    /** The converter for a Java type, resolved once; keep it to convert many values of that type. */
    public TypeConverter converter(Type javaType) {
        Objects.requireNonNull(javaType, "javaType");
        BoundConverter converter = converters.get(javaType);
        if (converter == null) {
            converter = new BoundConverter(javaType, JavaTypeNames.rawClass(javaType), registry.find(javaType), context);
            BoundConverter previous = converters.putIfAbsent(javaType, converter);
            if (previous != null) {
                converter = previous;
            }
        }
        return converter;
    }

    /**
     * A converter that uses {@code override} for this one use of {@code javaType} (a per-variable override, the
     * first step of the lookup order), without registering it; nested types still go through the engine.
     *
     * @throws IllegalArgumentException if the override's class does not fit the type
     */
    public TypeConverter converter(Type javaType, TypeTransformer<?> override) {
        Objects.requireNonNull(javaType, "javaType");
        Objects.requireNonNull(override, "override");
        Class<?> raw = JavaTypeNames.rawClass(javaType);
        if (raw == null || !JavaTypeNames.boxed(override.type()).isAssignableFrom(JavaTypeNames.boxed(raw))) {
            throw new IllegalArgumentException("TypeTransformer for [" + override.type().getName() + "] cannot convert ["
                    + javaType.getTypeName() + "]");
        }
        return new BoundConverter(javaType, raw, override, context);
    }

    public LiteralType literalTypeOf(Type javaType) {
        return converter(javaType).literalType();
    }

    public Literal toLiteral(Object value, Type javaType) {
        return converter(javaType).toLiteral(value);
    }

    public Object toJava(Literal literal, Type javaType) {
        return converter(javaType).toJava(literal);
    }

    /**
     * A Java type whose {@link #literalTypeOf literal type} equals {@code literalType}: asks transformers from
     * {@link #register} and ServiceLoader first, then the built-ins; wraps the result in a {@link PinnedType} where
     * the Java type alone would lose metadata, annotations, union tags or a blob format.
     *
     * @throws UnsupportedLiteralTypeException when no Java type stands for it (schemas, pickles, unions other
     *     than Optional)
     */
    public Type guessJavaType(LiteralType literalType) {
        Objects.requireNonNull(literalType, "literalType");
        Type known = guesses.get(literalType);
        if (known != null) {
            return known;
        }
        Type guess = null;
        for (TypeTransformer<?> transformer : registry.pluggedIn()) {
            Optional<Type> candidate = transformer.guessJavaType(literalType, context);
            if (candidate.isPresent()) {
                guess = candidate.get();
                break;
            }
        }
        if (guess == null) {
            guess = LiteralTypeGuesser.guess(literalType, this::guessJavaType);
        }
        Type exact = pinned(guess, literalType);
        guesses.putIfAbsent(literalType, exact);
        return exact;
    }

    private Type pinned(Type guess, LiteralType literalType) {
        LiteralType actual = literalTypeOf(guess);
        if (actual.equals(literalType)) {
            return guess;
        }
        if (LiteralTypeShapes.sameShape(actual, literalType)) {
            return new PinnedType(guess, literalType);
        }
        throw new UnsupportedLiteralTypeException(literalType, Describe.literalType(literalType),
                "the guessed Java type [" + guess.getTypeName() + "] has Flyte type [" + Describe.literalType(actual) + "]");
    }

    private final class Context implements TransformerContext {
        @Override
        public TypeConverter converter(Type javaType) {
            return TypeEngine.this.converter(javaType);
        }

        @Override
        public Optional<Type> guessJavaType(LiteralType literalType) {
            try {
                return Optional.of(TypeEngine.this.guessJavaType(literalType));
            } catch (UnsupportedLiteralTypeException e) {
                return Optional.empty();
            }
        }

        @Override
        public ClassLoader classLoader() {
            return classLoader;
        }
    }

    /** Wires an engine: built-ins, then ServiceLoader transformers (when a class loader is given), then registered ones. */
    public static final class Builder {
        private ClassLoader classLoader;
        private final List<TypeTransformer<?>> registered = new ArrayList<>();

        private Builder() {}

        /** The class loader of user types; ServiceLoader transformers are discovered through it. */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
            return this;
        }

        public Builder register(TypeTransformer<?> transformer) {
            registered.add(Objects.requireNonNull(transformer, "transformer"));
            return this;
        }

        public TypeEngine build() {
            TransformerRegistry registry = new TransformerRegistry(new JacksonMappers());
            ScalarTransformers.all().forEach(t -> registry.add(t, Source.BUILT_IN));
            BlobTransformer.all().forEach(t -> registry.add(t, Source.BUILT_IN));
            registry.add(new StructuredDatasetTransformer(), Source.BUILT_IN);
            if (classLoader != null) {
                discovered(classLoader).forEach(t -> registry.add(t, Source.SERVICE_LOADER));
            }
            registered.forEach(t -> registry.add(t, Source.REGISTERED));
            ClassLoader loader = classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader();
            return new TypeEngine(loader == null ? TypeEngine.class.getClassLoader() : loader, registry);
        }

        /** One instance per provider class, as jjava dedupes extensions by class name. */
        @SuppressWarnings("rawtypes")
        private static List<TypeTransformer<?>> discovered(ClassLoader loader) {
            Map<String, TypeTransformer<?>> byName = new LinkedHashMap<>();
            ServiceLoader.load(TypeTransformer.class, loader).stream()
                    .forEach(provider -> byName.putIfAbsent(provider.type().getName(), provider.get()));
            return new ArrayList<>(byName.values());
        }
    }
}
