/**
 * How Flyte entities look in a notebook: the task card, the workflow DAG as SVG (a layered layout of
 * our own), the live run view and plain tables, each a {@link dev.flytejava.magics.display.Displayable}
 * with a {@code text/plain} fallback.
 */
package dev.flytejava.magics.flyte.render;
