/**
 * Line and cell magics: the small SPI every magic implements ({@link dev.flytejava.magics.LineMagic},
 * {@link dev.flytejava.magics.CellMagic}), what a magic may use of the session it runs in
 * ({@link dev.flytejava.magics.MagicContext}, implemented by the kernel), and the registry the
 * kernel dispatches through. Nothing here knows the Jupyter wire protocol or JShell.
 */
package dev.flytejava.magics;
