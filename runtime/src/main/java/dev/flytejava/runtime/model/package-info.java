/**
 * The notebook's Flyte entities as immutable values: tasks ({@link dev.flytejava.runtime.model.Task}),
 * their typed interfaces, options and decorators, workflows as a DAG of {@link dev.flytejava.runtime.model.Node}s
 * wired by {@link dev.flytejava.runtime.model.Binding}s, branch conditions and launch plans.
 *
 * <p>Nothing here converts values or runs code: the type engine ({@code dev.flytejava.runtime.types}) gives the
 * Flyte literal types, {@code dev.flytejava.runtime.api} builds and type-checks workflows, and
 * {@code dev.flytejava.runtime.exec} runs them. Translation to Flyte protos happens in one place, the idl package.
 */
package dev.flytejava.runtime.model;
