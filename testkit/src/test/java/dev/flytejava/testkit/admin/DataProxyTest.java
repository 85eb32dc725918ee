package dev.flytejava.testkit.admin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.flytejava.runtime.storage.StorageUri;
import flyteidl.service.DataProxyServiceGrpc;
import flyteidl.service.DataProxyServiceGrpc.DataProxyServiceBlockingStub;
import flyteidl.service.Dataproxy.CreateDownloadLocationRequest;
import flyteidl.service.Dataproxy.CreateUploadLocationRequest;
import flyteidl.service.Dataproxy.CreateUploadLocationResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Uploads through CreateUploadLocation and the presigned PUT, checked as S3 checks them. */
class DataProxyTest {
  @RegisterExtension
  static final TestAdminExtension ADMIN = new TestAdminExtension();

  private final DataProxyServiceBlockingStub proxy = DataProxyServiceGrpc.newBlockingStub(ADMIN.channel());
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void anUploadLandsInStorageUnderTheProjectDomainAndMd5() throws Exception {
    byte[] body = "fast registration archive".getBytes(StandardCharsets.UTF_8);
    byte[] md5 = MessageDigest.getInstance("MD5").digest(body);
    CreateUploadLocationResponse location = proxy.createUploadLocation(CreateUploadLocationRequest.newBuilder()
        .setProject("flytesnacks").setDomain("development").setFilename("fast123.tar.gz")
        .setContentMd5(ByteString.copyFrom(md5)).build());
    assertEquals(ADMIN.storageRoot().resolve("flytesnacks/development/" + DataProxyService.base32(md5)
        + "/fast123.tar.gz").toString(), location.getNativeUrl());
    assertEquals(Base64.getEncoder().encodeToString(md5), location.getHeadersOrThrow("Content-MD5"));

    assertEquals(200, put(location.getSignedUrl(), body, Base64.getEncoder().encodeToString(md5)));
    assertArrayEquals(body, ADMIN.admin().storage().read(StorageUri.parse(location.getNativeUrl())));

    String download = proxy.createDownloadLocation(CreateDownloadLocationRequest.newBuilder()
        .setNativeUrl(location.getNativeUrl()).build()).getSignedUrl();
    HttpResponse<byte[]> got = http.send(HttpRequest.newBuilder(URI.create(download)).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, got.statusCode());
    assertArrayEquals(body, got.body());
    assertEquals(1, ADMIN.calls("CreateUploadLocation"));
  }

  @Test
  void aBodyThatIsNotWhatWasSignedIsRefused() throws Exception {
    byte[] body = "the real bytes".getBytes(StandardCharsets.UTF_8);
    byte[] md5 = MessageDigest.getInstance("MD5").digest(body);
    String md5b64 = Base64.getEncoder().encodeToString(md5);
    CreateUploadLocationResponse location = proxy.createUploadLocation(CreateUploadLocationRequest.newBuilder()
        .setProject("flytesnacks").setDomain("development").setFilename("x.tar.gz")
        .setContentMd5(ByteString.copyFrom(md5)).build());
    assertEquals(400, put(location.getSignedUrl(), "other bytes".getBytes(StandardCharsets.UTF_8), md5b64),
        "BadDigest");
    assertEquals(403, put(location.getSignedUrl(), body, Base64.getEncoder().encodeToString(new byte[16])),
        "signed for another MD5");
    assertEquals(403, put(location.getSignedUrl().replace("x.tar.gz", "y.tar.gz"), body, md5b64),
        "another object than the one signed");
    assertTrue(!ADMIN.admin().storage().exists(StorageUri.parse(location.getNativeUrl())));
  }

  @Test
  void requestsWithoutProjectOrDigestAreInvalid() {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> proxy.createUploadLocation(
        CreateUploadLocationRequest.newBuilder().setDomain("development").setFilename("a").build()));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertEquals("missing project", e.getStatus().getDescription());
    e = assertThrows(StatusRuntimeException.class, () -> proxy.createUploadLocation(
        CreateUploadLocationRequest.newBuilder().setProject("flytesnacks").setDomain("development")
            .setFilename("a").build()));
    assertTrue(e.getStatus().getDescription().contains("content_md5"), e.getStatus().getDescription());
  }

  private int put(String url, byte[] body, String md5) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-MD5", md5)
        .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
