package dev.flytejava.runtime.remote;

import com.google.protobuf.ByteString;
import dev.flytejava.runtime.packaging.ShippedCode;
import flyteidl.service.Dataproxy.CreateUploadLocationRequest;
import flyteidl.service.Dataproxy.CreateUploadLocationResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;

/**
 * Uploads the shipped code as flytectl's fast registration does: the data proxy signs a PUT for the archive's MD5,
 * the archive goes to the signed URL with that Content-MD5, and its {@code native_url} is what tasks are given as
 * {@code {{ .remote_package_path }}}.
 */
final class CodeUpload {
  private CodeUpload() {
  }

  static String upload(AdminClient client, HttpClient http, ShippedCode code, String project, String domain) {
    byte[] md5 = md5(code.tarGz());
    CreateUploadLocationResponse where = client.dataProxy("CreateUploadLocation", d -> d.createUploadLocation(
        CreateUploadLocationRequest.newBuilder().setProject(project).setDomain(domain).setFilename(code.fileName())
            .setContentMd5(ByteString.copyFrom(md5))
            .setExpiresIn(com.google.protobuf.Duration.newBuilder().setSeconds(3600)).build()));
    HttpResponse<String> reply;
    try {
      reply = http.send(HttpRequest.newBuilder(URI.create(where.getSignedUrl())).timeout(Duration.ofMinutes(5))
          .header("Content-MD5", Base64.getEncoder().encodeToString(md5))
          .header("Content-Type", "application/octet-stream")
          .PUT(HttpRequest.BodyPublishers.ofByteArray(code.tarGz())).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new FlyteRemoteException("uploading the code to " + where.getNativeUrl() + " failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FlyteRemoteException("interrupted while uploading the code to " + where.getNativeUrl());
    }
    if (reply.statusCode() / 100 != 2) {
      // the signed URL's query carries the signature, so only the object's native URL is named
      throw new FlyteRemoteException("uploading the code to " + where.getNativeUrl() + " failed: HTTP "
          + reply.statusCode() + " " + abbreviate(reply.body()));
    }
    return where.getNativeUrl();
  }

  private static String abbreviate(String body) {
    String b = body == null ? "" : body.strip();
    return b.length() > 300 ? b.substring(0, 300) + "..." : b;
  }

  private static byte[] md5(byte[] bytes) {
    try {
      return MessageDigest.getInstance("MD5").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has MD5", e);
    }
  }
}
