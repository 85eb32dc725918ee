package dev.flytejava.runtime.idl;

import java.util.Map;
import java.util.Objects;

/**
 * How entities are compiled: the project, domain and version stamped into every identifier, and the container
 * image of tasks that name none.
 *
 * <p>For a package ({@link #forPackage()}), project and domain stay empty, as {@code pyflyte package} writes them,
 * and {@code flytectl register files} fills them in. A {@code null} version means the content hash of the shipped
 * code and the specs ({@link Versions}), so unchanged code gets the same version; a non-blank one ({@code --version
 * V}) is used as given. {@code sdkVersion} goes into every task's runtime metadata.
 */
public record CompileOptions(String project, String domain, String version, String defaultImage, String sdkVersion) {

  /**
   * The image of tasks without {@code --image} when {@value #IMAGE_ENV} is not set: the runtime image that
   * docs/production.md builds, tagged for the registry of Flyte's sandbox ({@code flytectl demo}).
   */
  public static final String DEFAULT_IMAGE = "localhost:30000/flyte-java-runtime:" + IdlCompiler.SDK_VERSION;

  /** The environment variable that sets the default image. */
  public static final String IMAGE_ENV = "FLYTE_JAVA_IMAGE";

  public CompileOptions {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(domain, "domain");
    if (version != null && version.isBlank()) {
      throw new IllegalArgumentException("version must not be blank (use null for the content hash)");
    }
    requireNonBlank(defaultImage, "defaultImage");
    requireNonBlank(sdkVersion, "sdkVersion");
  }

  /** Empty project and domain, the content-hash version, {@link #DEFAULT_IMAGE}. */
  public static CompileOptions forPackage() {
    return new CompileOptions("", "", null, DEFAULT_IMAGE, IdlCompiler.SDK_VERSION);
  }

  /** {@link #forPackage()} with the default image from {@value #IMAGE_ENV} in {@code env} when set. */
  public static CompileOptions forPackage(Map<String, String> env) {
    String image = env.get(IMAGE_ENV);
    return forPackage().withDefaultImage(image == null || image.isBlank() ? DEFAULT_IMAGE : image.trim());
  }

  /** A copy registering under {@code newProject} and {@code newDomain}. */
  public CompileOptions withTarget(String newProject, String newDomain) {
    requireNonBlank(newProject, "project");
    requireNonBlank(newDomain, "domain");
    return new CompileOptions(newProject, newDomain, version, defaultImage, sdkVersion);
  }

  /** A copy with a fixed version ({@code null} for the content hash). */
  public CompileOptions withVersion(String newVersion) {
    return new CompileOptions(project, domain, newVersion, defaultImage, sdkVersion);
  }

  public CompileOptions withDefaultImage(String image) {
    return new CompileOptions(project, domain, version, image, sdkVersion);
  }

  private static void requireNonBlank(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
  }
}
