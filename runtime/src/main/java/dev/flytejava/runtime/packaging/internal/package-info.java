/** Internals of the package writer: a deterministic tar stream. */
package dev.flytejava.runtime.packaging.internal;
