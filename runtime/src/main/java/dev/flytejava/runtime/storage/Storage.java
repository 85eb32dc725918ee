package dev.flytejava.runtime.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Reads and writes objects and object trees at {@link StorageUri}s of any registered scheme. Each scheme's
 * {@link ObjectStore} is created on its first use, so a run on {@code file://} never loads the S3 client. Every
 * call runs under {@link StorageRetries} (transient failures are retried; a stream handed in to
 * {@link #write(StorageUri, InputStream)} is not, since it cannot be read twice). Safe for concurrent use;
 * {@link #close()} closes the stores it created.
 *
 * <p>Registrars come from {@link ServiceLoader} on the builder's class loader ({@code file} and {@code s3} are
 * built in), then from {@link Builder#register}; two for one scheme are an error unless the later one is given to
 * {@link Builder#replace}.
 */
public final class Storage implements AutoCloseable {
  private final Map<String, ObjectStoreRegistrar> registrars;
  private final StorageContext context;
  private final StorageRetries retries;
  private final Map<String, ObjectStore> stores = new HashMap<>();

  private Storage(Builder builder) {
    this.registrars = Map.copyOf(builder.registrars);
    this.context = new StorageContext(builder.environment, builder.settings);
    this.retries = builder.retries;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Storage with the registrars this class's loader finds, the process environment and default retries. */
  public static Storage create() {
    return builder().build();
  }

  /** The whole object. */
  public byte[] read(StorageUri uri) throws StorageException {
    return call(StorageOperation.READ, uri, store -> {
      try (InputStream in = store.open(uri)) {
        return in.readAllBytes();
      }
    });
  }

  /** Opens the object for reading (the opening is retried, not a failure while reading); the caller closes it. */
  public InputStream open(StorageUri uri) throws StorageException {
    return call(StorageOperation.READ, uri, store -> store.open(uri));
  }

  /** Writes the object, replacing any there; it becomes visible only when complete. */
  public void write(StorageUri uri, byte[] bytes) throws StorageException {
    call(StorageOperation.WRITE, uri, store -> {
      store.write(uri, new ByteArrayInputStream(bytes), bytes.length);
      return null;
    });
  }

  /** Writes the object from a stream of unknown length, once (not retried); it becomes visible only when complete. */
  public void write(StorageUri uri, InputStream data) throws StorageException {
    ObjectStore store = store(StorageOperation.WRITE, uri);
    try {
      store.write(uri, data, -1);
    } catch (IOException | RuntimeException e) {
      throw translate(StorageOperation.WRITE, uri, e);
    }
  }

  public boolean exists(StorageUri uri) throws StorageException {
    return call(StorageOperation.EXISTS, uri, store -> store.exists(uri));
  }

  /** Every object under {@code prefix} as a directory, at any depth, sorted; see {@link ObjectStore#list}. */
  public List<StorageUri> list(StorageUri prefix) throws StorageException {
    return call(StorageOperation.LIST, prefix, store -> store.list(prefix));
  }

  /**
   * Copies one object, within a store or between stores (a local file to S3 is an upload). A failure names the
   * side that failed: the source when reading, the target when writing.
   */
  public void copy(StorageUri from, StorageUri to) throws StorageException {
    ObjectStore source = store(StorageOperation.COPY, from);
    ObjectStore target = store(StorageOperation.COPY, to);
    call(StorageOperation.COPY, from, source, () -> {
      if (source == target) {
        source.copy(from, to);
      } else if (from.isLocal()) {
        try {
          target.upload(from.toPath(), to);
        } catch (NoSuchFileException e) {
          throw new ObjectNotFoundException(StorageOperation.READ, from, e);
        }
      } else if (to.isLocal()) {
        source.download(from, to.toPath());
      } else {
        try (InputStream in = source.open(from)) {
          target.write(to, in, -1);
        }
      }
      return null;
    });
  }

  /**
   * Copies every object under {@code fromPrefix} to the same relative key under {@code toPrefix}, within a store or
   * between stores: a FlyteDirectory's upload ({@code file} to {@code s3}) and download. Returns the locations
   * written, sorted.
   */
  public List<StorageUri> copyTree(StorageUri fromPrefix, StorageUri toPrefix) throws StorageException {
    List<StorageUri> written = new ArrayList<>();
    for (StorageUri from : list(fromPrefix)) {
      StorageUri to = toPrefix.resolve(fromPrefix.relativize(from));
      copy(from, to);
      written.add(to);
    }
    return written;
  }

  /**
   * A local file with the object's content: the file itself for a {@code file} location, else a download into
   * {@code workDir} under the object's key.
   */
  public Path localFile(StorageUri uri, Path workDir) throws StorageException {
    if (uri.isLocal()) {
      if (!Files.isRegularFile(uri.toPath())) {
        throw new ObjectNotFoundException(StorageOperation.READ, uri, null);
      }
      return uri.toPath();
    }
    Path target = localPath(uri, workDir);
    copy(uri, StorageUri.of(target));
    return target;
  }

  /**
   * A local directory with the objects under {@code prefix}: the directory itself for a {@code file} location, else
   * a download into {@code workDir} under the prefix's key.
   */
  public Path localDirectory(StorageUri prefix, Path workDir) throws StorageException {
    if (prefix.isLocal()) {
      return prefix.toPath();
    }
    Path target = localPath(prefix, workDir);
    copyTree(prefix, StorageUri.of(target));
    return target;
  }

  private static Path localPath(StorageUri uri, Path workDir) {
    Path target = workDir.resolve(uri.authority()).resolve(uri.key().isEmpty() ? "." : uri.key()).normalize();
    if (!target.startsWith(workDir.normalize())) {
      throw new IllegalArgumentException("[" + uri + "] does not map to a file under [" + workDir + "]");
    }
    return target;
  }

  /** The schemes this storage serves, sorted. */
  public List<String> schemes() {
    return List.copyOf(new TreeMap<>(registrars).keySet());
  }

  /** The store for a scheme, created on first use. */
  public ObjectStore store(String scheme) {
    ObjectStoreRegistrar registrar = registrars.get(scheme);
    if (registrar == null) {
      throw new IllegalArgumentException("No storage for scheme [" + scheme + "]; known schemes: " + schemes()
          + ". Put a jar with an ObjectStoreRegistrar for it on the class path");
    }
    synchronized (stores) {
      return stores.computeIfAbsent(scheme, unused -> registrar.create(context));
    }
  }

  private ObjectStore store(StorageOperation operation, StorageUri uri) throws StorageException {
    try {
      return store(uri.scheme());
    } catch (RuntimeException e) {
      throw new StorageException(operation, uri, e.getMessage(), e);
    }
  }

  /** Closes the stores created so far. */
  @Override
  public void close() throws IOException {
    List<ObjectStore> created;
    synchronized (stores) {
      created = new ArrayList<>(stores.values());
      stores.clear();
    }
    IOException failure = null;
    for (ObjectStore store : created) {
      try {
        store.close();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  @FunctionalInterface
  private interface StoreCall<T> {
    T run(ObjectStore store) throws IOException;
  }

  @FunctionalInterface
  private interface IoCall<T> {
    T run() throws IOException;
  }

  private <T> T call(StorageOperation operation, StorageUri uri, StoreCall<T> call) throws StorageException {
    ObjectStore store = store(operation, uri);
    return call(operation, uri, store, () -> call.run(store));
  }

  private <T> T call(StorageOperation operation, StorageUri uri, ObjectStore store, IoCall<T> call)
      throws StorageException {
    Objects.requireNonNull(store, "store");
    return retries.run(() -> {
      try {
        return call.run();
      } catch (IOException | RuntimeException e) {
        throw translate(operation, uri, e);
      }
    });
  }

  /** A store's exception as a StorageException: its own as they are, others as permanent failures. */
  private static StorageException translate(StorageOperation operation, StorageUri uri, Exception e) {
    if (e instanceof StorageException storage) {
      return storage;
    }
    if (e instanceof UncheckedIOException unchecked && unchecked.getCause() instanceof StorageException storage) {
      return storage;
    }
    return new StorageException(operation, uri, e.toString(), e);
  }

  /** Configures a {@link Storage}. */
  public static final class Builder {
    private ClassLoader classLoader = Storage.class.getClassLoader();
    private boolean discover = true;
    private final Map<String, ObjectStoreRegistrar> registered = new LinkedHashMap<>();
    private final Map<String, ObjectStoreRegistrar> replacements = new LinkedHashMap<>();
    private final Map<String, ObjectStoreRegistrar> registrars = new LinkedHashMap<>();
    private Map<String, String> environment = System.getenv();
    private final Map<Class<?>, Object> settings = new HashMap<>();
    private StorageRetries retries = StorageRetries.defaults();

    private Builder() {}

    /** Where {@link ServiceLoader} looks for registrars (default: this class's loader). */
    public Builder classLoader(ClassLoader loader) {
      this.classLoader = Objects.requireNonNull(loader, "loader");
      return this;
    }

    /** Skips {@link ServiceLoader}: only registrars given to {@link #register} and {@link #replace} are used. */
    public Builder withoutDiscovery() {
      this.discover = false;
      return this;
    }

    /** Adds a registrar for a scheme that no other registrar serves. */
    public Builder register(ObjectStoreRegistrar registrar) {
      ObjectStoreRegistrar previous = registered.putIfAbsent(registrar.scheme(), registrar);
      if (previous != null) {
        throw new IllegalArgumentException("Storage registrar [" + previous.getClass().getName()
            + "] is already registered for scheme [" + registrar.scheme() + "]; use replace(...) to override it");
      }
      return this;
    }

    /** Adds a registrar that takes the place of any other for its scheme, discovered or registered. */
    public Builder replace(ObjectStoreRegistrar registrar) {
      replacements.put(registrar.scheme(), registrar);
      return this;
    }

    /** The environment the stores read (default: the process's); given as a map so tests can pass their own. */
    public Builder environment(Map<String, String> env) {
      this.environment = Map.copyOf(env);
      return this;
    }

    /** Settings for the stores, one object per type, such as {@link S3Settings}; a later one replaces an earlier. */
    public Builder settings(Object value) {
      settings.put(value.getClass(), value);
      return this;
    }

    public Builder retries(StorageRetries policy) {
      this.retries = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Builds the storage from, in this order: discovered registrars (two classes for one scheme are an error), those
     * given to {@link #register} (an error when the scheme was discovered), those given to {@link #replace}.
     */
    public Storage build() {
      registrars.clear();
      if (discover) {
        for (ServiceLoader.Provider<ObjectStoreRegistrar> provider
            : ServiceLoader.load(ObjectStoreRegistrar.class, classLoader).stream().toList()) {
          ObjectStoreRegistrar found = provider.get();
          ObjectStoreRegistrar previous = registrars.putIfAbsent(found.scheme(), found);
          if (previous != null && !previous.getClass().getName().equals(found.getClass().getName())) {
            throw new IllegalStateException("Two storage registrars for scheme [" + found.scheme() + "]: ["
                + previous.getClass().getName() + "] and [" + found.getClass().getName() + "]; remove one from the "
                + "class path or choose with Storage.builder().replace(...)");
          }
        }
      }
      registered.forEach((scheme, registrar) -> {
        ObjectStoreRegistrar discovered = registrars.putIfAbsent(scheme, registrar);
        if (discovered != null) {
          throw new IllegalArgumentException("Storage registrar [" + registrar.getClass().getName()
              + "] for scheme [" + scheme + "] clashes with [" + discovered.getClass().getName()
              + "] from the class path; use replace(...) to override it");
        }
      });
      registrars.putAll(replacements);
      return new Storage(this);
    }
  }
}
