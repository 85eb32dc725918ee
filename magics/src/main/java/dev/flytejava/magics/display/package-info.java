/**
 * How objects show themselves in a notebook: {@link dev.flytejava.magics.display.Displayable} gives a
 * MIME bundle (HTML, SVG, PNG, Markdown, JSON, always with a text/plain fallback added by the kernel).
 * The Flyte magics' cards, tables and DAG pictures are Displayables, so they render without the kernel
 * knowing them.
 */
package dev.flytejava.magics.display;
