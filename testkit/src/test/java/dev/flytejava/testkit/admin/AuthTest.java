package dev.flytejava.testkit.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flyteidl.admin.ProjectOuterClass.ProjectListRequest;
import flyteidl.service.AdminServiceGrpc;
import flyteidl.service.Auth.OAuth2MetadataRequest;
import flyteidl.service.Auth.OAuth2MetadataResponse;
import flyteidl.service.AuthMetadataServiceGrpc;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client-credentials token endpoint and the bearer check on every call but AuthMetadataService's. */
class AuthTest {
  private static final MovableClock CLOCK = new MovableClock();

  @RegisterExtension
  static final TestAdminExtension ADMIN = new TestAdminExtension(b -> b.clock(CLOCK)
      .auth(AuthSettings.clientCredentials("ci-client", "s3cr3t-value").withTokenLifetime(Duration.ofSeconds(30))));

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aTokenFromTheEndpointOpensCallsUntilItExpires() throws Exception {
    OAuth2MetadataResponse metadata = AuthMetadataServiceGrpc.newBlockingStub(ADMIN.channel())
        .getOAuth2Metadata(OAuth2MetadataRequest.getDefaultInstance());
    assertEquals(ADMIN.admin().tokenUrl(), metadata.getTokenEndpoint());
    assertTrue(metadata.getGrantTypesSupportedList().contains("client_credentials"));

    StatusRuntimeException none = assertThrows(StatusRuntimeException.class, () -> listProjects(null));
    assertEquals(Status.Code.UNAUTHENTICATED, none.getStatus().getCode());

    HttpResponse<String> reply = token("ci-client", "s3cr3t-value");
    assertEquals(200, reply.statusCode(), reply.body());
    Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\".*\"expires_in\":(\\d+)").matcher(reply.body());
    assertTrue(m.find(), reply.body());
    assertEquals("30", m.group(2));
    String token = m.group(1);
    assertEquals(1, listProjects(token));

    CLOCK.advance(Duration.ofSeconds(31));
    StatusRuntimeException expired = assertThrows(StatusRuntimeException.class, () -> listProjects(token));
    assertEquals(Status.Code.UNAUTHENTICATED, expired.getStatus().getCode());
    assertEquals("token is expired", expired.getStatus().getDescription());
    assertFalse(expired.getStatus().getDescription().contains(token), "the token is not echoed");
  }

  @Test
  void aWrongSecretGetsNoToken() throws Exception {
    HttpResponse<String> reply = token("ci-client", "wrong");
    assertEquals(401, reply.statusCode());
    assertTrue(reply.body().contains("invalid_client"), reply.body());
    assertFalse(reply.body().contains("s3cr3t-value"));
    StatusRuntimeException forged = assertThrows(StatusRuntimeException.class, () -> listProjects("forged"));
    assertEquals("invalid token", forged.getStatus().getDescription());
  }

  private HttpResponse<String> token(String id, String secret) throws Exception {
    String basic = Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(URI.create(ADMIN.admin().tokenUrl()))
        .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=all")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int listProjects(String token) {
    var stub = AdminServiceGrpc.newBlockingStub(ADMIN.channel());
    if (token != null) {
      Metadata headers = new Metadata();
      headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), "Bearer " + token);
      stub = stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }
    return stub.listProjects(ProjectListRequest.getDefaultInstance()).getProjectsCount();
  }

  /** A clock the test moves forward, so a token expires without waiting. */
  static final class MovableClock extends Clock {
    private volatile Instant now = Instant.now();

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
