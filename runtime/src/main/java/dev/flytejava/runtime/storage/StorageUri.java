package dev.flytejava.runtime.storage;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * A storage location: {@code scheme://authority/path}, such as {@code s3://bucket/a/b/outputs.pb} or
 * {@code file:///tmp/run/inputs.pb}. The text is kept raw, as flytekit keeps it (an S3 key with a space is
 * {@code s3://b/a b}, not {@code a%20b}); only {@code file:} URIs written by {@link URI} are percent-decoded.
 *
 * @param scheme lower case, such as {@code file} or {@code s3}
 * @param authority the bucket (empty for {@code file})
 * @param path empty (the bucket's root) or starting with {@code /}; for {@code file} an absolute, normalized path
 */
public record StorageUri(String scheme, String authority, String path) {

  public static final String FILE = "file";

  public StorageUri {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(authority, "authority");
    Objects.requireNonNull(path, "path");
    if (!scheme.matches("[a-z][a-z0-9+.-]*")) {
      throw new IllegalArgumentException("Storage location needs a lower-case scheme, got [" + scheme + "]");
    }
    if (!path.isEmpty() && !path.startsWith("/")) {
      throw new IllegalArgumentException("Storage path must be empty or start with '/', got [" + path + "]");
    }
    if (scheme.equals(FILE) && (!authority.isEmpty() || path.isEmpty())) {
      throw new IllegalArgumentException("A file location needs an absolute path and no host, got ["
          + scheme + "://" + authority + path + "]");
    }
    if (!scheme.equals(FILE) && authority.isEmpty()) {
      throw new IllegalArgumentException("A [" + scheme + "] location needs a bucket, got [" + scheme + "://" + path
          + "]");
    }
  }

  /**
   * Parses a location: {@code scheme://bucket/key}, a {@code file:} URI, or a plain path (made absolute against
   * the working directory).
   */
  public static StorageUri parse(String location) {
    Objects.requireNonNull(location, "location");
    if (location.isBlank()) {
      throw new IllegalArgumentException("Storage location is blank");
    }
    int colon = location.indexOf(':');
    int slash = location.indexOf('/');
    boolean hasScheme = colon > 1 && (slash < 0 || colon < slash); // "C:" alone is not a scheme
    if (!hasScheme) {
      return of(Path.of(location));
    }
    String scheme = location.substring(0, colon).toLowerCase(Locale.ROOT);
    String rest = location.substring(colon + 1);
    if (scheme.equals(FILE)) {
      return of(filePath(location, rest));
    }
    if (!rest.startsWith("//")) {
      throw new IllegalArgumentException("Storage location [" + location + "] needs the form " + scheme
          + "://bucket/key");
    }
    int pathStart = rest.indexOf('/', 2);
    String authority = pathStart < 0 ? rest.substring(2) : rest.substring(2, pathStart);
    String path = pathStart < 0 ? "" : rest.substring(pathStart);
    return new StorageUri(scheme, authority, path.equals("/") ? "" : path);
  }

  /** The location of a local file or directory (made absolute and normalized). */
  public static StorageUri of(Path path) {
    return new StorageUri(FILE, "", path.toAbsolutePath().normalize().toString());
  }

  private static Path filePath(String location, String rest) {
    try {
      return Path.of(URI.create(location)); // percent-decoded, as Path.toUri() writes it
    } catch (IllegalArgumentException notAUri) {
      String path = rest.startsWith("///") ? rest.substring(2) : rest.startsWith("//localhost/")
          ? rest.substring("//localhost".length()) : rest;
      if (!path.startsWith("/") || path.startsWith("//")) {
        throw new IllegalArgumentException("File location [" + location + "] needs an absolute path: file:///dir/f",
            notAUri);
      }
      return Path.of(path);
    }
  }

  public boolean isLocal() {
    return scheme.equals(FILE);
  }

  /** The local path of a {@code file} location. */
  public Path toPath() {
    if (!isLocal()) {
      throw new IllegalStateException("[" + this + "] is not a local path");
    }
    return Path.of(path);
  }

  /** The object key: the path without its leading {@code /} (empty for the bucket's root). */
  public String key() {
    return path.isEmpty() ? "" : path.substring(1);
  }

  /** The last segment of the path (empty for the bucket's root). */
  public String name() {
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  /**
   * The location of {@code relative} under this one as a directory: {@code s3://b/run} and {@code n0/outputs.pb}
   * give {@code s3://b/run/n0/outputs.pb}. An empty relative key gives this location.
   *
   * @throws IllegalArgumentException for an absolute key or one with {@code .} or {@code ..} segments
   */
  public StorageUri resolve(String relative) {
    Objects.requireNonNull(relative, "relative");
    if (relative.isEmpty()) {
      return this;
    }
    if (relative.startsWith("/")) {
      throw new IllegalArgumentException("Key [" + relative + "] to resolve under [" + this + "] must be relative");
    }
    for (String segment : relative.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..") || (segment.isEmpty() && !relative.endsWith("/"))) {
        throw new IllegalArgumentException("Key [" + relative + "] to resolve under [" + this
            + "] has an empty, '.' or '..' segment");
      }
    }
    return new StorageUri(scheme, authority, directoryPath() + relative);
  }

  /**
   * The key of {@code child} relative to this location as a directory, such as {@code n0/outputs.pb}.
   *
   * @throws IllegalArgumentException when {@code child} is not under this location
   */
  public String relativize(StorageUri child) {
    if (!contains(child)) {
      throw new IllegalArgumentException("[" + child + "] is not under [" + this + "]");
    }
    return child.path.substring(directoryPath().length());
  }

  /** Whether {@code other} lies under this location as a directory (a sibling {@code dir2} is not under {@code dir}). */
  public boolean contains(StorageUri other) {
    return scheme.equals(other.scheme) && authority.equals(other.authority)
        && other.path.startsWith(directoryPath()) && other.path.length() > directoryPath().length();
  }

  /** The path with a trailing {@code /}: the prefix of everything under this location. */
  String directoryPath() {
    return path.endsWith("/") ? path : path + "/";
  }

  /** The URI text: {@code s3://bucket/key}, {@code file:///abs/path}. */
  @Override
  public String toString() {
    return scheme + "://" + authority + path;
  }
}
