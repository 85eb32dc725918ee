/**
 * Evaluation of cells: JShell running in the kernel's own JVM (a {@code DirectExecutionControl}
 * that runs each snippet on a stoppable thread and keeps the value object, a class loader that
 * grows for {@code %classpath}/{@code %maven}), splitting a cell into Java code and magics,
 * completeness for {@code is_complete}, error formatting with cell line and column, and the
 * guard that keeps {@code System.exit} in a cell from ending the kernel.
 */
package dev.flytejava.kernel.eval;
