package dev.flytejava.testkit.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.runtime.storage.ObjectNotFoundException;
import dev.flytejava.runtime.storage.Storage;
import dev.flytejava.runtime.storage.StorageException;
import dev.flytejava.runtime.storage.StorageOperation;
import dev.flytejava.runtime.storage.StorageUri;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The storage contract, run the same on {@code file://} and on {@code s3://} against a real S3-protocol server
 * (s3proxy): each test gets a fresh root location on each store.
 */
class StorageContractTest {
  private static final int LARGE = 20 * 1024 * 1024 + 12_345; // three multipart parts on S3, the last a short one

  private static EmbeddedS3 s3;
  private static Storage storage;
  @TempDir static Path fileRoots;

  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.flytejava.testkit.storage.StorageContractTest#roots")
  @interface Contract {}

  @BeforeAll
  static void start() {
    s3 = EmbeddedS3.start();
    storage = Storage.builder().settings(s3.settings()).build();
  }

  @AfterAll
  static void stop() throws IOException {
    storage.close();
    s3.close();
  }

  /** A fresh root per test and store. */
  static Stream<Root> roots() {
    String id = UUID.randomUUID().toString();
    return Stream.of(new Root("file", StorageUri.of(fileRoots.resolve(id))), new Root("s3", s3.uri(id)));
  }

  record Root(String name, StorageUri uri) {
    @Override
    public String toString() {
      return name;
    }
  }

  @Contract
  void writtenBytesReadBack(Root root) throws IOException {
    StorageUri uri = root.uri().resolve("run/n0/outputs.pb");
    byte[] bytes = "outputs".getBytes(StandardCharsets.UTF_8);

    storage.write(uri, bytes);

    assertArrayEquals(bytes, storage.read(uri));
    assertTrue(storage.exists(uri));
    try (InputStream in = storage.open(uri)) {
      assertArrayEquals(bytes, in.readAllBytes());
    }
  }

  @Contract
  void emptyObjectIsAnObject(Root root) throws IOException {
    StorageUri uri = root.uri().resolve("empty");
    storage.write(uri, new byte[0]);
    assertTrue(storage.exists(uri));
    assertEquals(0, storage.read(uri).length);
  }

  @Contract
  void writeReplacesTheObject(Root root) throws IOException {
    StorageUri uri = root.uri().resolve("inputs.pb");
    storage.write(uri, "first, longer".getBytes(StandardCharsets.UTF_8));
    storage.write(uri, "second".getBytes(StandardCharsets.UTF_8));
    assertEquals("second", new String(storage.read(uri), StandardCharsets.UTF_8));
  }

  @Contract
  void missingObjectIsNotFoundNotAFailure(Root root) throws IOException {
    StorageUri uri = root.uri().resolve("no/such/inputs.pb");

    ObjectNotFoundException read = assertThrows(ObjectNotFoundException.class, () -> storage.read(uri));
    assertEquals(StorageOperation.READ, read.operation());
    assertEquals(uri, read.uri());
    assertTrue(read.getMessage().contains("[" + uri + "]"), read.getMessage());
    assertThrows(ObjectNotFoundException.class, () -> storage.open(uri));
    assertFalse(storage.exists(uri));
    assertThrows(ObjectNotFoundException.class, () -> storage.copy(uri, root.uri().resolve("copy")));
    assertThrows(ObjectNotFoundException.class, () -> storage.localFile(uri, fileRoots.resolve("work")));
  }

  @Contract
  void largeObjectStreamsBothWays(Root root, @TempDir Path local) throws Exception {
    byte[] bytes = new byte[LARGE];
    new Random(42).nextBytes(bytes);
    StorageUri streamed = root.uri().resolve("large/streamed.bin");
    StorageUri uploaded = root.uri().resolve("large/uploaded.bin");
    Path source = Files.write(local.resolve("source.bin"), bytes);

    storage.write(streamed, new ByteArrayInputStream(bytes)); // unknown length
    storage.copy(StorageUri.of(source), uploaded); // a local file: known length
    Path downloaded = local.resolve("downloaded.bin");
    storage.copy(uploaded, StorageUri.of(downloaded));

    assertEquals(sha256(bytes), sha256(storage.read(streamed)));
    try (InputStream in = storage.open(uploaded)) {
      assertEquals(sha256(bytes), sha256(in.readAllBytes()));
    }
    assertEquals(sha256(bytes), sha256(Files.readAllBytes(downloaded)));
  }

  @Contract
  void listGivesEveryObjectUnderThePrefixSorted(Root root) throws IOException {
    for (String key : List.of("dir/b.txt", "dir/a.txt", "dir/sub/deeper/c.txt", "dir2/not-mine.txt", "dirt")) {
      storage.write(root.uri().resolve(key), key.getBytes(StandardCharsets.UTF_8));
    }

    List<StorageUri> listed = storage.list(root.uri().resolve("dir"));

    assertEquals(List.of("a.txt", "b.txt", "sub/deeper/c.txt"),
        listed.stream().map(uri -> root.uri().resolve("dir").relativize(uri)).toList());
    assertEquals(listed, storage.list(root.uri().resolve("dir/")));
    assertEquals(List.of(), storage.list(root.uri().resolve("nothing-here")));
  }

  @Contract
  void directoryTreeGoesUpAndComesBack(Root root, @TempDir Path local) throws IOException {
    Path tree = local.resolve("tree");
    Files.createDirectories(tree.resolve("a/b"));
    Files.writeString(tree.resolve("top.txt"), "top");
    Files.writeString(tree.resolve("a/mid.txt"), "mid");
    Files.writeString(tree.resolve("a/b/leaf name.txt"), "leaf");
    StorageUri remote = root.uri().resolve("fd/data");

    List<StorageUri> uploaded = storage.copyTree(StorageUri.of(tree), remote);
    List<StorageUri> copied = storage.copyTree(remote, root.uri().resolve("fd/copy"));
    Path back = local.resolve("back");
    storage.copyTree(root.uri().resolve("fd/copy"), StorageUri.of(back));

    assertEquals(List.of("a/b/leaf name.txt", "a/mid.txt", "top.txt"),
        uploaded.stream().map(remote::relativize).toList());
    assertEquals(3, copied.size());
    assertEquals("leaf", Files.readString(back.resolve("a/b/leaf name.txt")));
    assertEquals("mid", Files.readString(back.resolve("a/mid.txt")));
    assertEquals("top", Files.readString(back.resolve("top.txt")));
  }

  @Contract
  void localFileAndDirectoryHaveTheContent(Root root, @TempDir Path work) throws IOException {
    StorageUri file = root.uri().resolve("code/fast1234.tar.gz");
    storage.write(file, "code".getBytes(StandardCharsets.UTF_8));
    storage.write(root.uri().resolve("code/lib/x.jar"), "x".getBytes(StandardCharsets.UTF_8));

    Path local = storage.localFile(file, work);
    Path dir = storage.localDirectory(root.uri().resolve("code"), work);

    assertEquals("code", Files.readString(local));
    assertEquals("x", Files.readString(dir.resolve("lib/x.jar")));
    if (root.uri().isLocal()) {
      assertEquals(file.toPath(), local, "a local file is used where it is, not copied");
    } else {
      assertTrue(local.startsWith(work), local + " is under the work directory");
    }
  }

  @Contract
  void readingADirectoryPrefixIsNotAnObject(Root root) throws IOException {
    storage.write(root.uri().resolve("d/x"), new byte[] {1});
    StorageException e = assertThrows(StorageException.class, () -> storage.read(root.uri().resolve("d")));
    assertInstanceOf(StorageException.class, e);
    assertFalse(storage.exists(root.uri().resolve("d")));
  }

  private static String sha256(byte[] bytes) throws Exception {
    return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
