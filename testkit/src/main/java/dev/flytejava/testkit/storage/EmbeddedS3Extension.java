package dev.flytejava.testkit.storage;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * {@link EmbeddedS3} as a JUnit 5 extension: one server per test class (shared with its nested classes), started
 * before the class's {@code @BeforeAll} methods and closed after the class. Test methods, constructors and
 * lifecycle methods get it as an {@code EmbeddedS3} parameter.
 *
 * <pre>{@code
 * @ExtendWith(EmbeddedS3Extension.class)
 * class UploadTest {
 *   @Test void uploads(EmbeddedS3 s3) { ... }
 * }
 *
 * // or, to choose the bucket or reach the server from fields:
 * @RegisterExtension static final EmbeddedS3Extension S3 = new EmbeddedS3Extension("flyte-data");
 * }</pre>
 */
public final class EmbeddedS3Extension implements BeforeAllCallback, ParameterResolver {
  private static final Namespace NAMESPACE = Namespace.create(EmbeddedS3Extension.class);
  private static final String KEY = "server";

  private final String bucket;
  private volatile EmbeddedS3 server;

  public EmbeddedS3Extension() {
    this(EmbeddedS3.DEFAULT_BUCKET);
  }

  public EmbeddedS3Extension(String bucket) {
    this.bucket = bucket;
  }

  /** The running server (from the class's {@code beforeAll} on). */
  public EmbeddedS3 s3() {
    EmbeddedS3 current = server;
    if (current == null) {
      throw new IllegalStateException("EmbeddedS3Extension has not started yet: register it on a static field "
          + "(@RegisterExtension static) or with @ExtendWith, and use it from @BeforeAll on");
    }
    return current;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    Running running = context.getStore(NAMESPACE).get(KEY, Running.class); // an enclosing class's server
    if (running == null) {
      running = new Running(EmbeddedS3.start(bucket));
      context.getStore(NAMESPACE).put(KEY, running);
    }
    server = running.s3;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == EmbeddedS3.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Running running = context.getStore(NAMESPACE).get(KEY, Running.class);
    return running != null ? running.s3 : s3();
  }

  /** Closed by JUnit with the class's store. */
  private record Running(EmbeddedS3 s3) implements ExtensionContext.Store.CloseableResource {
    @Override
    public void close() {
      s3.close();
    }
  }
}
