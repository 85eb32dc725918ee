/**
 * The {@code flyte-java} command line (picocli): {@code flyte-java kernel install} writes the
 * Jupyter kernelspec, {@code flyte-java kernel run} is what the kernelspec starts. Later commands
 * ({@code run}, {@code package}, {@code register}, {@code export}, {@code entrypoint}) are added as
 * further subcommands of {@link dev.flytejava.kernel.cli.FlyteJavaCli}.
 */
package dev.flytejava.kernel.cli;
