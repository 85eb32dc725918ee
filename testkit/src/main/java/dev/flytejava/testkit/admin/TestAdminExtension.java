package dev.flytejava.testkit.admin;

import dev.flytejava.runtime.storage.StorageUri;
import io.grpc.ManagedChannel;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * {@link TestAdmin} as a JUnit 5 extension: started before the class's {@code @BeforeAll} methods, closed after
 * the class. Test methods and lifecycle methods can take it as a {@code TestAdmin} parameter.
 *
 * <pre>{@code
 * @RegisterExtension static final TestAdminExtension ADMIN = new TestAdminExtension();
 * // or with options:
 * @RegisterExtension static final TestAdminExtension ADMIN =
 *     new TestAdminExtension(b -> b.auth(AuthSettings.clientCredentials("ci", "s3cret")));
 *
 * @Test void registers() { AdminServiceGrpc.newBlockingStub(ADMIN.channel()) ... }
 * }</pre>
 */
public final class TestAdminExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private final Consumer<TestAdmin.Builder> options;
  private volatile TestAdmin admin;

  public TestAdminExtension() {
    this(b -> {});
  }

  public TestAdminExtension(Consumer<TestAdmin.Builder> options) {
    this.options = options;
  }

  /** The running server (from the class's {@code beforeAll} on). */
  public TestAdmin admin() {
    TestAdmin current = admin;
    if (current == null) {
      throw new IllegalStateException("TestAdminExtension has not started yet: register it on a static field "
          + "(@RegisterExtension static) and use it from @BeforeAll on");
    }
    return current;
  }

  public String endpoint() {
    return admin().endpoint();
  }

  public ManagedChannel channel() {
    return admin().channel();
  }

  public StorageUri storageRoot() {
    return admin().storageRoot();
  }

  /** The storage client the server reads and writes with (uploads, execution inputs and outputs). */
  public dev.flytejava.runtime.storage.Storage storage() {
    return admin().storage();
  }

  public int calls(String method) {
    return admin().calls(method);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    if (admin == null) {
      TestAdmin.Builder builder = TestAdmin.builder();
      options.accept(builder);
      admin = builder.start();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    // a nested class's afterAll comes first; the server lives until its top-level class ends
    if (context.getParent().flatMap(ExtensionContext::getTestClass).isPresent()) {
      return;
    }
    TestAdmin current = admin;
    admin = null;
    if (current != null) {
      current.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestAdmin.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return admin();
  }
}
