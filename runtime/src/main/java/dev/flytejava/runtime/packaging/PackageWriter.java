package dev.flytejava.runtime.packaging;

import dev.flytejava.runtime.idl.CompiledEntities;
import dev.flytejava.runtime.idl.CompiledSpec;
import dev.flytejava.runtime.idl.Protos;
import dev.flytejava.runtime.packaging.internal.TarWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a package in the layout of {@code pyflyte package --copy all}, which {@code flytectl register files F.tgz
 * --archive} registers: a gzip'd tar of one flat folder holding the specs as {@link PackageLayout} names them
 * (deterministic protobuf bytes) and the shipped code as {@code fast<digest>.tar.gz}.
 *
 * <p>The same specs and code give the same bytes: entries in name order, each with mode 0644, uid and gid 0 and the
 * mtime pyflyte gives its fast archive's entries, and a gzip header without a time.
 */
public final class PackageWriter {
  private PackageWriter() {}

  /** Writes the package to {@code out} (left open) and returns its entry names, in archive order. */
  public static List<String> write(CompiledEntities entities, ShippedCode code, OutputStream out) throws IOException {
    Objects.requireNonNull(code, "code");
    List<String> names = PackageLayout.fileNames(entities);
    List<String> written = new ArrayList<>(names);
    written.add(code.fileName());
    GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
    TarWriter tar = new TarWriter(gzip);
    List<CompiledSpec> specs = entities.specs();
    for (int i = 0; i < specs.size(); i++) {
      tar.add(names.get(i), Protos.deterministicBytes(specs.get(i).message()));
    }
    tar.add(code.fileName(), code.tarGz());
    tar.close();
    gzip.finish();
    gzip.flush();
    return written;
  }

  /**
   * Writes the package to {@code file}, replacing it only once complete (a temp file in the same folder, then a
   * move), and returns its entry names.
   */
  public static List<String> write(CompiledEntities entities, ShippedCode code, Path file) throws IOException {
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    Files.createDirectories(dir);
    // created as any new file (the umask's permissions), not as createTempFile's owner-only file
    Path temp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
        + System.nanoTime() + ".part");
    try {
      List<String> names;
      try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE)) {
        names = write(entities, code, out);
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return names;
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
