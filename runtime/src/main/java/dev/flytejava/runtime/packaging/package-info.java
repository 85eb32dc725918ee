/**
 * Packages compiled specs and the shipped code in the layout of {@code pyflyte package --copy all}, so that
 * {@code flytectl register files F.tgz --archive} registers them: {@link dev.flytejava.runtime.packaging.PackageWriter}
 * writes the {@code .tgz} ({@link dev.flytejava.runtime.packaging.PackageLayout} names its files) and
 * {@link dev.flytejava.runtime.packaging.ShippedCode} is the code archive with its digest.
 */
package dev.flytejava.runtime.packaging;
