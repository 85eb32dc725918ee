package dev.flytejava.testkit.admin;

import flyteidl.service.Auth.OAuth2MetadataRequest;
import flyteidl.service.Auth.OAuth2MetadataResponse;
import flyteidl.service.Auth.PublicClientAuthConfigRequest;
import flyteidl.service.Auth.PublicClientAuthConfigResponse;
import flyteidl.service.AuthMetadataServiceGrpc;
import io.grpc.stub.StreamObserver;
import java.util.List;

/**
 * FlyteAdmin's AuthMetadataService: where the token endpoint is and which client, scopes and metadata key to use.
 * Served (anonymously) only when the testkit's auth is switched on.
 */
final class AuthMetadataService extends AuthMetadataServiceGrpc.AuthMetadataServiceImplBase {
  private final TokenEndpoint tokens;

  AuthMetadataService(TokenEndpoint tokens) {
    this.tokens = tokens;
  }

  @Override
  public void getOAuth2Metadata(OAuth2MetadataRequest request, StreamObserver<OAuth2MetadataResponse> out) {
    AdminService.reply(out, () -> OAuth2MetadataResponse.newBuilder()
        .setIssuer(tokens.issuer())
        .setTokenEndpoint(tokens.tokenUrl())
        .setAuthorizationEndpoint(tokens.issuer() + "/oauth2/authorize")
        .setJwksUri(tokens.issuer() + "/oauth2/jwks")
        .addAllGrantTypesSupported(List.of("client_credentials", "authorization_code", "refresh_token"))
        .addAllResponseTypesSupported(List.of("code", "token"))
        .addAllCodeChallengeMethodsSupported(List.of("S256"))
        .addAllScopesSupported(List.of("all"))
        .addAllTokenEndpointAuthMethodsSupported(List.of("client_secret_basic", "client_secret_post"))
        .build());
  }

  @Override
  public void getPublicClientConfig(PublicClientAuthConfigRequest request,
      StreamObserver<PublicClientAuthConfigResponse> out) {
    AdminService.reply(out, () -> PublicClientAuthConfigResponse.newBuilder()
        .setClientId(AuthSettings.PUBLIC_CLIENT)
        .setRedirectUri(tokens.redirectUri())
        .addScopes("all")
        .setAuthorizationMetadataKey(BearerTokenInterceptor.METADATA_KEY)
        .setServiceHttpEndpoint(tokens.issuer())
        .build());
  }
}
