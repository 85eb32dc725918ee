/**
 * The general magics every Java kernel user expects ({@code %lsmagic}, {@code %help}, {@code %classpath},
 * {@code %jars}, {@code %maven}, {@code %load}, {@code %time}/{@code %%time}, {@code %%shell}), one class
 * per magic, contributed to a session by {@link dev.flytejava.kernel.magics.GeneralMagicProvider} through
 * {@code META-INF/services/dev.flytejava.magics.MagicProvider}. They reach the session only through
 * {@link dev.flytejava.magics.MagicContext}; arguments are parsed with picocli into records at the
 * magic boundary ({@link dev.flytejava.kernel.magics.MagicArgs}).
 */
package dev.flytejava.kernel.magics;
