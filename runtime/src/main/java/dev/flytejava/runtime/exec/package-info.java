/**
 * Runs workflows, launch plans and tasks locally: {@link dev.flytejava.runtime.exec.LocalExecutor} (parallel,
 * bounded, with retries, timeouts, decorators and a converted-literal boundary at every task), the on-disk
 * {@link dev.flytejava.runtime.exec.TaskCache} ({@link dev.flytejava.runtime.exec.DiskCache}), listeners that see
 * every node state change ({@link dev.flytejava.runtime.exec.ExecutionListener}) and execution records.
 *
 * <p>Internals (the precompiled plan, run state, task runner) are package-private.
 */
package dev.flytejava.runtime.exec;
