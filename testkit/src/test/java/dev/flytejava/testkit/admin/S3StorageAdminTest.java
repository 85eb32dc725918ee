package dev.flytejava.testkit.admin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import dev.flytejava.runtime.storage.Storage;
import dev.flytejava.runtime.storage.StorageUri;
import dev.flytejava.testkit.storage.EmbeddedS3;
import flyteidl.service.DataProxyServiceGrpc;
import flyteidl.service.Dataproxy.CreateUploadLocationRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The data proxy on s3:// storage (the testkit's EmbeddedS3): the upload lands in the bucket. */
class S3StorageAdminTest {
  @Test
  void uploadsLandInTheBucket() throws Exception {
    try (EmbeddedS3 s3 = EmbeddedS3.start(); Storage storage = s3.newStorage();
        TestAdmin admin = TestAdmin.builder().storage(s3.bucketUri()).storageClient(storage).start()) {
      byte[] body = "code".getBytes(StandardCharsets.UTF_8);
      byte[] md5 = MessageDigest.getInstance("MD5").digest(body);
      var location = DataProxyServiceGrpc.newBlockingStub(admin.channel()).createUploadLocation(
          CreateUploadLocationRequest.newBuilder().setProject("flytesnacks").setDomain("development")
              .setFilename("fast.tar.gz").setContentMd5(ByteString.copyFrom(md5)).build());
      assertEquals("s3", StorageUri.parse(location.getNativeUrl()).scheme());
      int status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(location.getSignedUrl()))
          .header("Content-MD5", Base64.getEncoder().encodeToString(md5))
          .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
      assertEquals(200, status);
      try (Storage reader = s3.newStorage()) {
        assertArrayEquals(body, reader.read(StorageUri.parse(location.getNativeUrl())));
      }
    }
  }
}
