package dev.flytejava.runtime.remote;

import flyteidl.service.AdminServiceGrpc;
import flyteidl.service.Auth.OAuth2MetadataRequest;
import flyteidl.service.AuthMetadataServiceGrpc;
import flyteidl.service.DataProxyServiceGrpc;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioSocketChannel;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.File;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * FlyteAdmin's services over one channel, with flytectl's config: the bearer token from the configured auth on every
 * call, one refresh when FlyteAdmin answers UNAUTHENTICATED, and retries under {@link RetryPolicy}. Failures come
 * out as {@link FlyteRemoteException} naming the call and carrying FlyteAdmin's message.
 */
public final class AdminClient implements AutoCloseable {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final ManagedChannel owned;
  private final EventLoopGroup ownedLoop;
  private final Channel channel;
  private final TokenSource tokens;
  private final RetryPolicy retry;

  private AdminClient(ManagedChannel owned, EventLoopGroup ownedLoop, Channel raw, TokenSource tokens,
      RetryPolicy retry) {
    this.owned = owned;
    this.ownedLoop = ownedLoop;
    this.tokens = tokens;
    this.retry = retry;
    this.channel = ClientInterceptors.intercept(raw, new BearerToken());
  }

  private static final DefaultThreadFactory DAEMON_LOOP_THREADS = new DefaultThreadFactory("flyte-admin-client", true);

  /** Where a Pkce login's URL goes when the caller names no place: standard error. */
  public static final Consumer<String> PRINT_LOGIN_URL =
      url -> System.err.println("Log in to Flyte (Pkce) by opening this URL in a browser: " + url);

  /**
   * Pkce logins by endpoint, for this JVM's lifetime (a kernel session): a login holds its tokens as flytectl's
   * keyring does, so each command does not ask the user to log in again.
   */
  private static final Map<String, PkceTokens> LOGINS = new java.util.concurrent.ConcurrentHashMap<>();

  /** A client on a channel it opens from the config, and closes. */
  public static AdminClient connect(FlyteConfig config, Map<String, String> env, RetryPolicy retry) {
    return connect(config, env, retry, PRINT_LOGIN_URL);
  }

  /** As {@link #connect(FlyteConfig, Map, RetryPolicy)}, with a Pkce login's URL handed to {@code loginPrompt}. */
  public static AdminClient connect(FlyteConfig config, Map<String, String> env, RetryPolicy retry,
      Consumer<String> loginPrompt) {
    EventLoopGroup loop = new NioEventLoopGroup(1, DAEMON_LOOP_THREADS);
    ManagedChannel ch;
    try {
      ch = open(config, loop);
    } catch (RuntimeException e) {
      loop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      throw e;
    }
    try {
      return new AdminClient(ch, loop, ch, tokens(config, env, ch, Clock.systemUTC(), loginPrompt), retry);
    } catch (RuntimeException e) {
      ch.shutdownNow();
      loop.shutdownGracefully(0, 0, TimeUnit.SECONDS);
      throw e;
    }
  }

  /** A client on a channel the caller owns (tests: the testkit's in-process channel). */
  public static AdminClient on(ManagedChannel channel, FlyteConfig config, Map<String, String> env, RetryPolicy retry) {
    return new AdminClient(null, null, channel, tokens(config, env, channel, Clock.systemUTC(), PRINT_LOGIN_URL), retry);
  }

  private static ManagedChannel open(FlyteConfig config, EventLoopGroup loop) {
    NettyChannelBuilder b = NettyChannelBuilder.forTarget(config.target()).maxInboundMessageSize(64 << 20)
        .eventLoopGroup(loop).channelType(NioSocketChannel.class);
    if (config.insecure()) {
      return b.usePlaintext().build();
    }
    try {
      SslContextBuilder ssl = GrpcSslContexts.forClient();
      if (config.insecureSkipVerify()) {
        ssl.trustManager(InsecureTrustManagerFactory.INSTANCE);
      } else if (config.caCertFilePath() != null && !config.caCertFilePath().isBlank()) {
        File ca = new File(config.caCertFilePath());
        if (!ca.isFile()) {
          throw new FlyteRemoteException("admin.caCertFilePath " + ca + " is not a file");
        }
        ssl.trustManager(ca);
      }
      return b.sslContext(ssl.build()).build();
    } catch (javax.net.ssl.SSLException e) {
      throw new FlyteRemoteException("cannot set up TLS for " + config.target() + ": " + e.getMessage(), e);
    }
  }

  static TokenSource tokens(FlyteConfig config, Map<String, String> env, Channel anonymous, Clock clock,
      Consumer<String> loginPrompt) {
    return switch (config.authType()) {
      case NONE -> TokenSource.NONE;
      case EXTERNAL_COMMAND -> new ExternalCommandTokens(config.command());
      case PKCE -> {
        PkceTokens login = LOGINS.computeIfAbsent(config.target(), target -> new PkceTokens(() -> pkceClient(anonymous,
            config.scopes()), loginPrompt, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), clock,
            Duration.ofMinutes(5)));
        login.prompt(loginPrompt);
        yield login;
      }
      case CLIENT_SECRET -> {
        if (config.clientId() == null || config.clientId().isBlank()) {
          throw new FlyteRemoteException("admin.authType is ClientSecret but admin.clientId is not set");
        }
        yield new ClientSecretTokens(() -> tokenEndpoint(anonymous), config.clientId(), () -> secret(config, env),
            config.scopes(), HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), clock);
      }
    };
  }

  /** The public client's login: FlyteAdmin's OAuth2 metadata and public client config, as flytectl reads them. */
  private static PkceTokens.Client pkceClient(Channel anonymous, List<String> scopes) {
    try {
      var auth = AuthMetadataServiceGrpc.newBlockingStub(anonymous).withDeadlineAfter(30, TimeUnit.SECONDS);
      var metadata = auth.getOAuth2Metadata(OAuth2MetadataRequest.getDefaultInstance());
      var client = auth.getPublicClientConfig(flyteidl.service.Auth.PublicClientAuthConfigRequest.getDefaultInstance());
      if (metadata.getAuthorizationEndpoint().isBlank() || metadata.getTokenEndpoint().isBlank()) {
        throw new FlyteRemoteException("FlyteAdmin's OAuth2 metadata names no authorization or token endpoint");
      }
      return new PkceTokens.Client(metadata.getAuthorizationEndpoint(), metadata.getTokenEndpoint(), client.getClientId(),
          client.getRedirectUri(), scopes.isEmpty() ? client.getScopesList() : scopes);
    } catch (StatusRuntimeException e) {
      throw new FlyteRemoteException("reading FlyteAdmin's auth metadata failed: " + describe(e.getStatus()), e);
    }
  }

  private static String tokenEndpoint(Channel anonymous) {
    try {
      String url = AuthMetadataServiceGrpc.newBlockingStub(anonymous).withDeadlineAfter(30, TimeUnit.SECONDS)
          .getOAuth2Metadata(OAuth2MetadataRequest.getDefaultInstance()).getTokenEndpoint();
      if (url.isBlank()) {
        throw new FlyteRemoteException("FlyteAdmin's OAuth2 metadata names no token endpoint");
      }
      return url;
    } catch (StatusRuntimeException e) {
      throw new FlyteRemoteException("GetOAuth2Metadata failed: " + describe(e.getStatus()), e);
    }
  }

  /** The secret from admin.clientSecretEnvVar if set, else from the admin.clientSecretLocation file. */
  private static String secret(FlyteConfig config, Map<String, String> env) {
    String var = config.clientSecretEnvVar();
    if (var != null && !var.isBlank()) {
      String v = env.get(var);
      if (v == null || v.isBlank()) {
        throw new FlyteRemoteException("admin.clientSecretEnvVar names " + var + ", which is not set");
      }
      return v.trim();
    }
    String location = config.clientSecretLocation();
    if (location == null || location.isBlank()) {
      throw new FlyteRemoteException(
          "admin.authType is ClientSecret but neither admin.clientSecretLocation nor admin.clientSecretEnvVar is set");
    }
    try {
      return Files.readString(Path.of(location)).trim();
    } catch (java.io.IOException e) {
      throw new FlyteRemoteException("cannot read admin.clientSecretLocation " + location + ": " + e, e);
    }
  }

  /** Starts connecting now rather than at the first call, so that the connection is made while the caller works. */
  public void startConnecting() {
    if (owned != null) {
      owned.getState(true);
    }
  }

  public AdminServiceGrpc.AdminServiceBlockingStub admin() {
    return AdminServiceGrpc.newBlockingStub(channel);
  }

  public DataProxyServiceGrpc.DataProxyServiceBlockingStub dataProxy() {
    return DataProxyServiceGrpc.newBlockingStub(channel);
  }

  /** Calls {@code admin().METHOD(request)} with retries; {@code name} is the RPC's name for errors. */
  public <A> A admin(String name, Function<AdminServiceGrpc.AdminServiceBlockingStub, A> call) {
    return call(name, deadline -> call.apply(admin().withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)));
  }

  public <A> A dataProxy(String name, Function<DataProxyServiceGrpc.DataProxyServiceBlockingStub, A> call) {
    return call(name,
        deadline -> call.apply(dataProxy().withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)));
  }

  /**
   * Runs one RPC with the retry policy. UNAUTHENTICATED refreshes the token once; UNAVAILABLE and DEADLINE_EXCEEDED
   * are retried until the overall deadline; anything else (INVALID_ARGUMENT, ALREADY_EXISTS, NOT_FOUND, ...) is
   * thrown at once as {@link AdminCallException}.
   */
  public <A> A call(String name, Function<Duration, A> attempt) {
    long start = System.nanoTime();
    long end = start + retry.overall().toNanos();
    Duration backoff = retry.firstBackoff();
    boolean refreshed = false;
    int attempts = 0;
    while (true) {
      long left = end - System.nanoTime();
      Duration deadline = Duration.ofNanos(Math.min(left, retry.perCall().toNanos()));
      attempts++;
      try {
        return attempt.apply(deadline);
      } catch (StatusRuntimeException e) {
        Status.Code code = e.getStatus().getCode();
        if (code == Status.Code.UNAUTHENTICATED && !refreshed && tokens != TokenSource.NONE) {
          refreshed = true;
          tokens.invalidate();
          continue;
        }
        boolean transientFailure = code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED;
        long afterBackoff = System.nanoTime() + backoff.toNanos();
        if (!transientFailure || afterBackoff >= end) {
          String why = transientFailure
              ? " (gave up after " + attempts + " attempt" + (attempts == 1 ? "" : "s") + " within "
                  + seconds(retry.overall()) + ")"
              : "";
          throw new AdminCallException(name, e.getStatus(), describe(e.getStatus()) + why, e);
        }
        sleep(backoff);
        backoff = backoff.multipliedBy(2).compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff() : backoff.multipliedBy(2);
      }
    }
  }

  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlyteRemoteException("interrupted while waiting to retry");
    }
  }

  static String describe(Status status) {
    return status.getCode() + (status.getDescription() == null ? "" : ": " + status.getDescription());
  }

  /**
   * Closes the channel and its event loop. The loop is the client's own, not grpc's shared one (released a second
   * after its last channel), because a JVM exits only after waiting up to 300 ms for threads still in native code,
   * as an idle loop is in epoll: a short command would pay that at every exit.
   */
  @Override
  public void close() {
    if (owned == null) {
      return;
    }
    owned.shutdownNow();
    try {
      owned.awaitTermination(5, TimeUnit.SECONDS);
      ownedLoop.shutdownGracefully(0, 5, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "AdminClient[" + tokens + "]";
  }

  /** Adds the bearer token to every call but the anonymous AuthMetadataService's. */
  private final class BearerToken implements ClientInterceptor {
    @Override
    public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
      boolean anonymous = method.getFullMethodName().startsWith(AuthMetadataServiceGrpc.SERVICE_NAME + "/");
      return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
        @Override
        public void start(Listener<A> listener, Metadata headers) {
          String token = anonymous ? null : tokens.token();
          if (token != null) {
            headers.put(AUTHORIZATION, "Bearer " + token);
          }
          super.start(listener, headers);
        }
      };
    }
  }
}
