/**
 * The Flyte type engine: converts Java values to Flyte {@code Literal}s and back, and Java types to Flyte
 * {@code LiteralType}s.
 *
 * <p>{@link dev.flytejava.runtime.types.TypeEngine} holds the {@link dev.flytejava.runtime.types.TypeTransformer}s
 * and finds one per Java type in a fixed, documented order. Custom types plug in by implementing
 * {@code TypeTransformer} (or {@link dev.flytejava.runtime.types.TypeTransformer#via}) and registering it, either
 * at run time or through {@link java.util.ServiceLoader}. Built-in transformers live in the {@code internal}
 * sub-package and are not part of the supported API.
 */
package dev.flytejava.runtime.types;
