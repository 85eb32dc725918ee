/**
 * Reads {@code %%task} and {@code %%workflow} cells with the JDK compiler tree API without running
 * them: a task cell becomes a {@link dev.flytejava.magics.flyte.parse.MethodSignature}, a workflow
 * cell a {@link dev.flytejava.magics.flyte.parse.WorkflowIr}. Errors carry the cell's line and column.
 */
package dev.flytejava.magics.flyte.parse;
