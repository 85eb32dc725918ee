package dev.flytejava.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StorageUriTest {

  @Test
  void parsesBucketAndKeyRaw() {
    StorageUri uri = StorageUri.parse("s3://my-s3-bucket/metadata/run 1/inputs.pb");

    assertEquals("s3", uri.scheme());
    assertEquals("my-s3-bucket", uri.authority());
    assertEquals("metadata/run 1/inputs.pb", uri.key());
    assertEquals("inputs.pb", uri.name());
    assertEquals("s3://my-s3-bucket/metadata/run 1/inputs.pb", uri.toString());
    assertFalse(uri.isLocal());
  }

  @Test
  void bucketRootHasAnEmptyKey() {
    assertEquals("", StorageUri.parse("s3://b").key());
    assertEquals(StorageUri.parse("s3://b"), StorageUri.parse("s3://b/"));
    assertEquals("s3://b", StorageUri.parse("S3://b").toString());
  }

  @Test
  void plainPathsAndFileUrisAreLocal() {
    Path absolute = Path.of("/tmp/flyte/inputs.pb");

    assertEquals(StorageUri.of(absolute), StorageUri.parse("/tmp/flyte/inputs.pb"));
    assertEquals(StorageUri.of(absolute), StorageUri.parse("file:///tmp/flyte/inputs.pb"));
    assertEquals(StorageUri.of(absolute), StorageUri.parse("file:/tmp/flyte/inputs.pb"));
    assertEquals(StorageUri.of(Path.of("rel/x").toAbsolutePath()), StorageUri.parse("rel/x"));
    assertEquals("file:///tmp/flyte/inputs.pb", StorageUri.parse("/tmp/flyte/../flyte/inputs.pb").toString());
    assertEquals(absolute, StorageUri.parse("/tmp/flyte/inputs.pb").toPath());
  }

  @Test
  void fileUrisAsJavaWritesThemAreDecoded() {
    Path spaced = Path.of("/tmp/a dir/x%y");
    assertEquals(spaced, StorageUri.parse(spaced.toUri().toString()).toPath());
    assertEquals(Path.of("/tmp/raw 100%"), StorageUri.parse("file:///tmp/raw 100%").toPath());
  }

  @Test
  void badLocationsAreNamed() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> StorageUri.parse("s3:/bucket/key")).getMessage()
        .contains("[s3:/bucket/key] needs the form s3://bucket/key"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> StorageUri.parse("s3:///key")).getMessage()
        .contains("needs a bucket"));
    assertThrows(IllegalArgumentException.class, () -> StorageUri.parse(" "));
    assertThrows(IllegalArgumentException.class, () -> StorageUri.parse("file://host/x"));
    assertThrows(IllegalStateException.class, () -> StorageUri.parse("s3://b/k").toPath());
  }

  @Test
  void resolvesRelativeKeysUnderAPrefix() {
    StorageUri prefix = StorageUri.parse("s3://b/metadata/run");

    assertEquals("s3://b/metadata/run/n0/outputs.pb", prefix.resolve("n0/outputs.pb").toString());
    assertEquals("s3://b/metadata/run/n0/outputs.pb",
        StorageUri.parse("s3://b/metadata/run/").resolve("n0/outputs.pb").toString());
    assertEquals("s3://b/x", StorageUri.parse("s3://b").resolve("x").toString());
    assertEquals("file:///tmp/d/x", StorageUri.parse("/tmp/d").resolve("x").toString());
    assertEquals(prefix, prefix.resolve(""));
  }

  @Test
  void resolveRejectsKeysThatLeaveThePrefix() {
    StorageUri prefix = StorageUri.parse("s3://b/run");
    for (String bad : new String[] {"/abs", "../x", "a/../../x", "a/./b", "a//b"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> prefix.resolve(bad), bad);
      assertTrue(e.getMessage().contains("[" + bad + "]"), e.getMessage());
    }
  }

  @Test
  void relativizeAndContainsTreatThePrefixAsADirectory() {
    StorageUri dir = StorageUri.parse("s3://b/dir");

    assertEquals("sub/x", dir.relativize(StorageUri.parse("s3://b/dir/sub/x")));
    assertTrue(dir.contains(StorageUri.parse("s3://b/dir/x")));
    assertFalse(dir.contains(StorageUri.parse("s3://b/dir2/x")), "a sibling with the same start is not inside");
    assertFalse(dir.contains(dir));
    assertFalse(dir.contains(StorageUri.parse("s3://other/dir/x")));
    assertThrows(IllegalArgumentException.class, () -> dir.relativize(StorageUri.parse("s3://b/dirt")));
  }
}
