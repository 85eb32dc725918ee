/**
 * The API a plain Java program uses to declare Flyte entities: {@link dev.flytejava.runtime.api.WorkflowBuilder}
 * wires tasks, subworkflows, launch plans, branches and map nodes and type-checks the wiring when built
 * (throwing one {@link dev.flytejava.runtime.api.WiringException} that lists every error), and
 * {@link dev.flytejava.runtime.api.Tasks} turns annotated Java methods ({@link dev.flytejava.runtime.api.FlyteTask})
 * into tasks. Tasks themselves are built with {@link dev.flytejava.runtime.model.Task#builder}; run the results
 * with {@code dev.flytejava.runtime.exec.LocalExecutor}.
 */
package dev.flytejava.runtime.api;
