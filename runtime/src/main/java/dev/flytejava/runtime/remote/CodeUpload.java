package dev.flytejava.runtime.remote;

import com.google.protobuf.ByteString;
import dev.flytejava.runtime.packaging.ShippedCode;
import flyteidl.service.Dataproxy.CreateUploadLocationRequest;
import flyteidl.service.Dataproxy.CreateUploadLocationResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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

  static String upload(AdminClient client, ShippedCode code, String project, String domain) {
    byte[] md5 = md5(code.tarGz());
    CreateUploadLocationResponse where = client.dataProxy("CreateUploadLocation", d -> d.createUploadLocation(
        CreateUploadLocationRequest.newBuilder().setProject(project).setDomain(domain).setFilename(code.fileName())
            .setContentMd5(ByteString.copyFrom(md5))
            .setExpiresIn(com.google.protobuf.Duration.newBuilder().setSeconds(3600)).build()));
    int status;
    String body;
    try {
      // HttpURLConnection, not java.net.http.HttpClient: the latter keeps a selector thread in native code until it
      // is collected, and a JVM waits up to 300 ms at exit for such threads
      HttpURLConnection put = (HttpURLConnection) URI.create(where.getSignedUrl()).toURL().openConnection();
      put.setRequestMethod("PUT");
      put.setConnectTimeout((int) Duration.ofSeconds(10).toMillis());
      put.setReadTimeout((int) Duration.ofMinutes(5).toMillis());
      put.setDoOutput(true);
      put.setFixedLengthStreamingMode(code.tarGz().length);
      put.setRequestProperty("Content-MD5", Base64.getEncoder().encodeToString(md5));
      put.setRequestProperty("Content-Type", "application/octet-stream");
      try (OutputStream out = put.getOutputStream()) {
        out.write(code.tarGz());
      }
      status = put.getResponseCode();
      try (InputStream in = status / 100 == 2 ? put.getInputStream() : put.getErrorStream()) {
        body = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new FlyteRemoteException("uploading the code to " + where.getNativeUrl() + " failed: " + e.getMessage(), e);
    }
    if (status / 100 != 2) {
      // the signed URL's query carries the signature, so only the object's native URL is named
      throw new FlyteRemoteException("uploading the code to " + where.getNativeUrl() + " failed: HTTP "
          + status + " " + abbreviate(body));
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
