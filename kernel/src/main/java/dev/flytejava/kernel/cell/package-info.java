/**
 * Running one cell: its line and cell magics dispatched through the session's
 * {@link dev.flytejava.magics.MagicRegistry} (filled by every
 * {@link dev.flytejava.magics.MagicProvider} found with {@link java.util.ServiceLoader}), its Java
 * code through JShell, in the order they appear; and the {@link dev.flytejava.magics.MagicContext}
 * magics see, implemented over the session and the Jupyter channels.
 */
package dev.flytejava.kernel.cell;
