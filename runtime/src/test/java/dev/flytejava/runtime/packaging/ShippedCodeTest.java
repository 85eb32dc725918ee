package dev.flytejava.runtime.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShippedCodeTest {
  /** The flytekit project of the modern golden set; pyflyte named its fast archive after this digest. */
  private static final Path ORDERS = Path.of("src/test/golden-src/modern/project");

  @Test
  void digestIsPyflytesOverTheSameFiles() throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String f : List.of("orders/workflows.py", "orders/tasks.py", "orders/__init__.py", "orders/model.py")) {
      files.put(f, Files.readAllBytes(ORDERS.resolve(f)));
    }
    ShippedCode code = ShippedCode.of(files);
    // golden/modern/package-contents.txt: pyflyte package --copy all wrote fastdbfb251a63570460e15a6906b9aed59c.tar.gz
    assertEquals("dbfb251a63570460e15a6906b9aed59c", code.digest());
    assertEquals("fastdbfb251a63570460e15a6906b9aed59c.tar.gz", code.fileName());
  }

  @Test
  void archiveHoldsTheFilesSortedWithPyflytesFixedAttributes(@TempDir Path dir) throws Exception {
    String longName = "lib/" + "x".repeat(120) + ".jar";
    ShippedCode code = ShippedCode.of(Map.of("manifest.json", bytes("{}"), "code.jar", bytes("PK..."),
        longName, bytes("long")));
    Path archive = Tar.write(dir, code.fileName(), code.tarGz());
    assertEquals(List.of("code.jar", longName, "manifest.json"), Tar.list(archive));
    for (String line : Tar.listVerbose(archive)) {
      assertTrue(line.startsWith("-rw-r--r-- 0/0"), line);
      assertTrue(line.contains(" 1980-01-01 00:00 "), line);
    }
    Path out = Files.createDirectories(dir.resolve("out"));
    Tar.extract(archive, out);
    assertArrayEquals(bytes("long"), Files.readAllBytes(out.resolve(longName)));
    assertArrayEquals(bytes("{}"), Files.readAllBytes(out.resolve("manifest.json")));
  }

  @Test
  void sameFilesGiveTheSameBytesAndDigest() {
    ShippedCode a = ShippedCode.of(Map.of("a.txt", bytes("1"), "b/c.txt", bytes("2")));
    ShippedCode b = ShippedCode.of(new LinkedHashMap<>(Map.of("b/c.txt", bytes("2"), "a.txt", bytes("1"))));
    assertArrayEquals(a.tarGz(), b.tarGz());
    assertEquals(a.digest(), b.digest());
    assertTrue(!a.digest().equals(ShippedCode.of(Map.of("a.txt", bytes("1"), "b/c.txt", bytes("3"))).digest()));
  }

  @Test
  void badPathsAndDigestsAreRejected() {
    for (String bad : List.of("/abs", "../up", "a/../b", "a//b", "dir/", "a\\b", "./a")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> ShippedCode.of(Map.of(bad, bytes("x"))), bad);
      assertTrue(e.getMessage().contains("[" + bad + "]"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> new ShippedCode(new byte[0], "NOT-HEX"));
    assertThrows(IllegalArgumentException.class, () -> ShippedCode.of(Map.of()));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
