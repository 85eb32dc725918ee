/**
 * The process's {@code System.out}, {@code System.err} and {@code System.in} while it is a kernel:
 * output is gathered per stream and published as {@code stream} messages while a cell runs (a
 * short coalescing delay, then flushed for good before the cell's reply), and reads of
 * {@code System.in} become {@code input_request}s to the front end.
 */
package dev.flytejava.kernel.io;
