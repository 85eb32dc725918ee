/**
 * What cells call: the static helpers imported into every session ({@code display},
 * {@code updateDisplay}, {@code clearOutput} from {@link dev.flytejava.kernel.notebook.Notebook})
 * and the MIME bundle factories of {@link dev.flytejava.kernel.notebook.Display}
 * ({@code Display.html("<b>hi</b>")}, {@code svg}, {@code markdown}, {@code png}, {@code json}).
 * {@code Notebook} is the one static bridge from JShell code to the kernel: the kernel connects it
 * once at start, and a second connection in the same JVM is refused.
 */
package dev.flytejava.kernel.notebook;
