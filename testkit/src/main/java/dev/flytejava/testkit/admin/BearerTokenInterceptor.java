package dev.flytejava.testkit.admin;

import flyteidl.service.AuthMetadataServiceGrpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * Rejects calls without a valid, unexpired bearer token with UNAUTHENTICATED, as FlyteAdmin's auth interceptor
 * does; the AuthMetadataService stays anonymous (clients read the token endpoint from it). The token is read from
 * {@code flyte-authorization} (FlyteAdmin's default authorization metadata key) or {@code authorization}.
 */
final class BearerTokenInterceptor implements ServerInterceptor {
  static final String METADATA_KEY = "flyte-authorization";
  private static final Metadata.Key<String> FLYTE = Metadata.Key.of(METADATA_KEY, Metadata.ASCII_STRING_MARSHALLER);
  private static final Metadata.Key<String> STANDARD = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final TokenEndpoint tokens;

  BearerTokenInterceptor(TokenEndpoint tokens) {
    this.tokens = tokens;
  }

  @Override
  public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
      ServerCallHandler<Q, A> next) {
    if (AuthMetadataServiceGrpc.SERVICE_NAME.equals(call.getMethodDescriptor().getServiceName())) {
      return next.startCall(call, headers);
    }
    String header = headers.get(FLYTE);
    if (header == null) {
      header = headers.get(STANDARD);
    }
    String problem;
    if (header == null) {
      problem = "token is missing: send an access token as 'authorization: Bearer <token>'";
    } else if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      problem = "authorization header is not a bearer token";
    } else {
      problem = tokens.problemWith(header.substring(7).trim());
    }
    if (problem != null) {
      call.close(Status.UNAUTHENTICATED.withDescription(problem), new Metadata());
      return new ServerCall.Listener<>() {};
    }
    return next.startCall(call, headers);
  }
}
