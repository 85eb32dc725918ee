/** Rendering values as Jupyter MIME bundles for {@code execute_result} and {@code display_data}. */
package dev.flytejava.kernel.display;
