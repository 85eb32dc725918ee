/**
 * Internals of the type engine: the transformer registry and its lookup order, the built-in transformers
 * (scalars, containers, enums, blobs, records and POJOs through Jackson) and literal helpers. Not a supported API.
 */
package dev.flytejava.runtime.types.internal;
