package dev.flytejava.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flytejava.runtime.storage.internal.LocalObjectStore;
import dev.flytejava.runtime.storage.internal.LocalObjectStoreRegistrar;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageTest {
  @TempDir Path dir;

  @Test
  void fileAndS3AreBuiltIn() throws IOException {
    try (Storage storage = Storage.create()) {
      assertEquals(List.of("file", "s3"), storage.schemes());
    }
  }

  @Test
  void plainPathsAreFiles() throws IOException {
    try (Storage storage = Storage.create()) {
      StorageUri uri = StorageUri.parse(dir.resolve("out/outputs.pb").toString());
      storage.write(uri, "x".getBytes(StandardCharsets.UTF_8));
      assertEquals("x", Files.readString(dir.resolve("out/outputs.pb")));
    }
  }

  @Test
  void unknownSchemesAreNamedWithTheKnownOnes() throws IOException {
    try (Storage storage = Storage.create()) {
      StorageUri uri = StorageUri.parse("gs://bucket/inputs.pb");
      StorageException e = assertThrows(StorageException.class, () -> storage.read(uri));
      assertEquals(uri, e.uri());
      assertTrue(e.getMessage().contains("No storage for scheme [gs]; known schemes: [file, s3]"), e.getMessage());
    }
  }

  @Test
  void registeringASchemeTwiceNeedsReplace() throws IOException {
    Storage.Builder builder = Storage.builder().register(new MemoryRegistrar());
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> builder.register(new MemoryRegistrar()));
    assertTrue(twice.getMessage().contains("already registered for scheme [mem]"), twice.getMessage());

    IllegalArgumentException clash = assertThrows(IllegalArgumentException.class,
        () -> Storage.builder().register(new LocalObjectStoreRegistrar()).build());
    assertTrue(clash.getMessage().contains("clashes with"), clash.getMessage());

    MemoryRegistrar replacement = new MemoryRegistrar("file");
    try (Storage storage = Storage.builder().replace(replacement).build()) {
      storage.write(StorageUri.of(dir.resolve("x")), new byte[] {7});
      assertFalse(Files.exists(dir.resolve("x")), "the replacement took the write");
      assertEquals(1, replacement.store.writes.get());
    }
  }

  @Test
  void storesAreCreatedOnFirstUseAndClosedWithTheStorage() throws IOException {
    MemoryRegistrar registrar = new MemoryRegistrar();
    Storage storage = Storage.builder().withoutDiscovery().register(registrar).build();
    assertNull(registrar.store, "nothing created before the first call");

    storage.write(StorageUri.parse("mem://b/k"), new byte[] {1, 2});
    storage.read(StorageUri.parse("mem://b/k"));
    storage.close();

    assertEquals(1, registrar.created.get());
    assertTrue(registrar.store.closed);
  }

  @Test
  void transientFailuresAreRetriedThroughThePolicy() throws IOException {
    MemoryRegistrar registrar = new MemoryRegistrar();
    List<java.time.Duration> sleeps = new ArrayList<>();
    try (Storage storage = Storage.builder().withoutDiscovery().register(registrar)
        .retries(StorageRetries.defaults().withSleeper(sleeps::add)).build()) {
      storage.write(StorageUri.parse("mem://b/k"), new byte[] {1});
      registrar.store.failNextReads.set(2);

      assertEquals(1, storage.read(StorageUri.parse("mem://b/k")).length);
      assertEquals(2, sleeps.size());
    }
  }

  @Test
  void otherExceptionsOfAStoreBecomeStorageExceptions() throws IOException {
    ObjectStoreRegistrar broken = new MemoryRegistrar() {
      @Override
      public ObjectStore create(StorageContext context) {
        throw new IllegalStateException("cannot start");
      }
    };
    try (Storage storage = Storage.builder().withoutDiscovery().register(broken).build()) {
      StorageException e = assertThrows(StorageException.class, () -> storage.exists(StorageUri.parse("mem://b/k")));
      assertEquals(StorageOperation.EXISTS, e.operation());
      assertTrue(e.getMessage().contains("Storage existence check of [mem://b/k] failed: cannot start"),
          e.getMessage());
    }
  }

  @Test
  void settingsAndEnvironmentReachTheRegistrar() throws IOException {
    MemoryRegistrar registrar = new MemoryRegistrar();
    S3Settings settings = S3Settings.none().withRegion("eu-north-1");
    try (Storage storage = Storage.builder().withoutDiscovery().register(registrar).settings(settings)
        .environment(Map.of("FLYTE_AWS_ENDPOINT", "http://m:9000")).build()) {
      storage.exists(StorageUri.parse("mem://b/k"));
    }
    assertSame(settings, registrar.context.settings(S3Settings.class).orElseThrow());
    assertEquals("http://m:9000", registrar.context.environment().get("FLYTE_AWS_ENDPOINT"));
    assertTrue(registrar.context.settings(String.class).isEmpty());
  }

  @Test
  void aFailedLocalWriteLeavesNeitherTargetNorTempFile() throws IOException {
    Path target = dir.resolve("outputs.pb");
    InputStream failing = new InputStream() {
      private int left = 1000; // then every read fails

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        if (left <= 0) {
          throw new IOException("killed mid-write");
        }
        int n = Math.min(length, left);
        java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'x');
        left -= n;
        return n;
      }
    };
    try (Storage storage = Storage.create()) {
      StorageException e = assertThrows(StorageException.class, () -> storage.write(StorageUri.of(target), failing));
      assertTrue(e.getMessage().contains("killed mid-write"), e.getMessage());
    }
    try (var files = Files.list(dir)) {
      assertEquals(List.of(), files.toList());
    }
  }

  @Test
  void listingSkipsTempFilesOfWritersInProgress() throws IOException {
    Files.writeString(dir.resolve("done.pb"), "x");
    Files.writeString(dir.resolve(".outputs.pb.123.part"), "half");
    assertEquals(List.of(StorageUri.of(dir.resolve("done.pb"))), new LocalObjectStore().list(StorageUri.of(dir)));
  }

  /** file:// users must not pay for the S3 client: the AWS SDK is not even loaded. */
  @Test
  void fileOnlyUseNeverLoadsTheAwsSdk() throws Exception {
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      urls.add(Path.of(entry).toUri().toURL());
    }
    try (RecordingLoader loader = new RecordingLoader(urls.toArray(URL[]::new))) {
      Class<?> storageClass = loader.loadClass(Storage.class.getName());
      Class<?> uriClass = loader.loadClass(StorageUri.class.getName());
      Object storage = storageClass.getMethod("create").invoke(null);
      Object uri = uriClass.getMethod("parse", String.class).invoke(null, dir.resolve("f.pb").toString());
      Method write = storageClass.getMethod("write", uriClass, byte[].class);
      write.invoke(storage, uri, new byte[] {1});
      storageClass.getMethod("read", uriClass).invoke(storage, uri);
      storageClass.getMethod("close").invoke(storage);

      assertTrue(loader.loaded(LocalObjectStore.class.getName()), "the check itself works");
      assertTrue(loader.loaded("dev.flytejava.runtime.storage.internal.S3ObjectStoreRegistrar"));
      assertFalse(loader.loadedAny("software.amazon.awssdk."), "AWS SDK classes were loaded");
      assertFalse(loader.loaded("dev.flytejava.runtime.storage.internal.S3ObjectStore"));
    }
  }

  /** Loads classes itself (child first) so it can tell which were loaded. */
  private static final class RecordingLoader extends URLClassLoader {
    private final List<String> names = new ArrayList<>();

    RecordingLoader(URL[] urls) {
      super(urls, ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      synchronized (names) {
        names.add(name);
      }
      return super.findClass(name);
    }

    boolean loaded(String name) {
      synchronized (names) {
        return names.contains(name);
      }
    }

    boolean loadedAny(String prefix) {
      synchronized (names) {
        return names.stream().anyMatch(name -> name.startsWith(prefix));
      }
    }
  }

  /** A store in memory, to test the routing and retries without a real one. */
  private static class MemoryRegistrar implements ObjectStoreRegistrar {
    final String scheme;
    final AtomicInteger created = new AtomicInteger();
    MemoryStore store;
    StorageContext context;

    MemoryRegistrar() {
      this("mem");
    }

    MemoryRegistrar(String scheme) {
      this.scheme = scheme;
    }

    @Override
    public String scheme() {
      return scheme;
    }

    @Override
    public ObjectStore create(StorageContext given) {
      created.incrementAndGet();
      context = given;
      store = new MemoryStore(scheme);
      return store;
    }
  }

  private static final class MemoryStore implements ObjectStore {
    final String scheme;
    final Map<StorageUri, byte[]> objects = new java.util.concurrent.ConcurrentHashMap<>();
    final AtomicInteger writes = new AtomicInteger();
    final AtomicInteger failNextReads = new AtomicInteger();
    boolean closed;

    MemoryStore(String scheme) {
      this.scheme = scheme;
    }

    @Override
    public String scheme() {
      return scheme;
    }

    @Override
    public InputStream open(StorageUri uri) throws IOException {
      if (failNextReads.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new TransientStorageException(StorageOperation.READ, uri, "HTTP 503", null);
      }
      byte[] bytes = objects.get(uri);
      if (bytes == null) {
        throw new ObjectNotFoundException(StorageOperation.READ, uri, null);
      }
      return new java.io.ByteArrayInputStream(bytes);
    }

    @Override
    public void write(StorageUri uri, InputStream data, long length) throws IOException {
      writes.incrementAndGet();
      objects.put(uri, data.readAllBytes());
    }

    @Override
    public boolean exists(StorageUri uri) {
      return objects.containsKey(uri);
    }

    @Override
    public List<StorageUri> list(StorageUri prefix) {
      return objects.keySet().stream().filter(prefix::contains).sorted(java.util.Comparator.comparing(
          StorageUri::toString)).toList();
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
