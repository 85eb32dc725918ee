package dev.flytejava.testkit.admin;

import dev.flytejava.runtime.storage.Storage;
import dev.flytejava.runtime.storage.StorageUri;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.commons.io.file.PathUtils;

/**
 * A FlyteAdmin test double: the Admin, DataProxy and (with auth on) AuthMetadata services of the official Flyte
 * IDL with FlyteAdmin's registration rules, served in-process and on a loopback port (plaintext), with uploads
 * and downloads through a presigned-URL HTTP endpoint into the testkit's storage.
 *
 * <pre>{@code
 * try (TestAdmin admin = TestAdmin.builder().start()) {
 *   AdminServiceGrpc.newBlockingStub(admin.channel()).createTask(...);
 *   assertEquals(1, admin.calls("CreateTask"));
 * }
 * }</pre>
 */
public final class TestAdmin implements AutoCloseable {
  private final Server inProcess;
  private final Server network;
  private final String inProcessName;
  private final ManagedChannel channel;
  private final Storage storage;
  private final boolean ownsStorage;
  private final StorageUri storageRoot;
  private final Path ownedDirectory;
  private final ObjectEndpoint objects;
  private final TokenEndpoint tokens;
  private final CallCounter counter;
  private final Entities entities;
  private final ExecutionLauncher launcher;

  private TestAdmin(Builder b) throws IOException {
    Path owned = null;
    StorageUri root = b.storage;
    if (root == null) {
      owned = Files.createTempDirectory("flyte-testkit-admin");
      root = StorageUri.of(owned);
    }
    this.ownedDirectory = owned;
    this.storageRoot = root;
    this.ownsStorage = b.storageClient == null;
    this.storage = ownsStorage ? Storage.create() : b.storageClient;
    this.objects = new ObjectEndpoint(storage, root);
    this.tokens = b.auth == null ? null : new TokenEndpoint(b.auth, b.clock);
    this.counter = new CallCounter();
    Projects projects = new Projects(b.projects);
    this.entities = new Entities(projects);
    this.launcher = b.launcher;

    List<ServerServiceDefinition> services = new ArrayList<>();
    Executions executions = b.launcher == null ? null
        : new Executions(entities, projects, storage, root, b.launcher);
    services.add(new AdminService(entities, projects, executions).bindService());
    services.add(new DataProxyService(root, objects).bindService());
    if (tokens != null) {
      services.add(new AuthMetadataService(tokens).bindService());
    }
    // the last interceptor given runs first: the counter sees every call, faults injected by tests come next,
    // then the token check
    List<ServerInterceptor> chain = new ArrayList<>();
    if (tokens != null) {
      chain.add(new BearerTokenInterceptor(tokens));
    }
    chain.addAll(b.interceptors);
    chain.add(counter);

    this.inProcessName = "flyte-testkit-admin-" + UUID.randomUUID();
    InProcessServerBuilder local = InProcessServerBuilder.forName(inProcessName).directExecutor();
    NettyServerBuilder remote = NettyServerBuilder.forAddress(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port));
    for (ServerServiceDefinition service : services) {
      ServerServiceDefinition intercepted = ServerInterceptors.intercept(service, chain);
      local.addService(intercepted);
      remote.addService(intercepted);
    }
    this.inProcess = local.build().start();
    try {
      this.network = remote.build().start();
    } catch (IOException e) {
      inProcess.shutdownNow();
      objects.close();
      throw new IOException("cannot listen on 127.0.0.1:" + b.port + ": " + e.getMessage(), e);
    }
    this.channel = InProcessChannelBuilder.forName(inProcessName).directExecutor().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The loopback port of the plaintext gRPC server. */
  public int port() {
    return network.getPort();
  }

  /** The gRPC target for clients on this machine, e.g. {@code dns:///127.0.0.1:PORT}. */
  public String endpoint() {
    return "dns:///127.0.0.1:" + port();
  }

  /** {@code 127.0.0.1:PORT}, as flytectl's and flytekit's {@code admin.endpoint} take it (with insecure: true). */
  public String hostAndPort() {
    return "127.0.0.1:" + port();
  }

  /** An in-process channel to the same services (closed with the server). */
  public ManagedChannel channel() {
    return channel;
  }

  /** The name of the in-process server, for {@code InProcessChannelBuilder.forName}. */
  public String inProcessName() {
    return inProcessName;
  }

  /** Where uploads, execution inputs and outputs are stored. */
  public StorageUri storageRoot() {
    return storageRoot;
  }

  public Storage storage() {
    return storage;
  }

  /** How many calls of the method (its short name: {@code CreateTask}, {@code CreateUploadLocation}) arrived. */
  public int calls(String method) {
    return counter.calls(method);
  }

  public void resetCalls() {
    counter.reset();
  }

  /** The token endpoint's URL, when auth is on. */
  public String tokenUrl() {
    requireAuth();
    return tokens.tokenUrl();
  }

  /** How many access tokens the token endpoint has issued. */
  public int tokensIssued() {
    requireAuth();
    return tokens.tokensIssued();
  }

  /** How many PKCE logins the authorization endpoint granted. */
  public int logins() {
    requireAuth();
    return tokens.logins();
  }

  public boolean authEnabled() {
    return tokens != null;
  }

  /** How many tasks, workflows and launch plans are registered. */
  public int tasks() {
    return entities.tasks.size();
  }

  public int workflows() {
    return entities.workflows.size();
  }

  public int launchPlans() {
    return entities.launchPlans.size();
  }

  private void requireAuth() {
    if (tokens == null) {
      throw new IllegalStateException("auth is off: start the TestAdmin with builder().auth(...)");
    }
  }

  @Override
  public void close() {
    if (launcher instanceof AutoCloseable running) {
      try {
        running.close(); // executions still running stop before their storage goes
      } catch (Exception e) {
        throw new IllegalStateException("cannot stop the testkit's executions", e);
      }
    }
    channel.shutdownNow();
    inProcess.shutdownNow();
    network.shutdownNow();
    try {
      network.awaitTermination(5, TimeUnit.SECONDS);
      inProcess.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    objects.close();
    if (tokens != null) {
      tokens.close();
    }
    if (ownsStorage) {
      try {
        storage.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close the testkit's storage client", e);
      }
    }
    if (ownedDirectory != null) {
      try {
        PathUtils.deleteDirectory(ownedDirectory);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete the testkit's storage " + ownedDirectory, e);
      }
    }
  }

  @Override
  public String toString() {
    return "TestAdmin[" + endpoint() + ", storage " + storageRoot + (tokens != null ? ", auth on" : "") + "]";
  }

  /** Options; every one has a default, so {@code TestAdmin.builder().start()} runs. */
  public static final class Builder {
    private int port;
    private StorageUri storage;
    private Storage storageClient;
    private AuthSettings auth;
    private ExecutionLauncher launcher;
    private Clock clock = Clock.systemUTC();
    private final List<ServerInterceptor> interceptors = new ArrayList<>();
    private final List<String> projects = new ArrayList<>(List.of("flytesnacks"));

    private Builder() {}

    /** The loopback port (0, the default, picks a free one). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** The storage root ({@code file://} or {@code s3://}); by default a temp directory deleted on close. */
    public Builder storage(StorageUri root) {
      this.storage = root;
      return this;
    }

    /** The storage client (for {@code s3://}: one with the store's endpoint and credentials). */
    public Builder storageClient(Storage client) {
      this.storageClient = client;
      return this;
    }

    /** Switches auth on: the token endpoint and UNAUTHENTICATED for calls without a valid token. */
    public Builder auth(AuthSettings settings) {
      this.auth = settings;
      return this;
    }

    /** Runs executions: CreateExecution hands each one to it, and its events become the execution records. */
    public Builder executions(ExecutionLauncher launcher) {
      this.launcher = launcher;
      return this;
    }

    /** The clock tokens expire by (tests may pass one they move). */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Extra interceptors run after the call counter, e.g. to fail calls with UNAVAILABLE, delay or drop them. */
    public Builder intercept(ServerInterceptor... extra) {
      interceptors.addAll(0, List.of(extra));
      return this;
    }

    /** Projects known from the start (flytesnacks always is); each has development, staging and production. */
    public Builder project(String... names) {
      projects.addAll(List.of(names));
      return this;
    }

    public TestAdmin start() {
      try {
        return new TestAdmin(this);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
