package dev.flytejava.testkit.admin;

import com.google.protobuf.Timestamp;
import dev.flytejava.runtime.storage.StorageUri;
import flyteidl.service.Dataproxy.CreateDownloadLinkRequest;
import flyteidl.service.Dataproxy.CreateDownloadLinkResponse;
import flyteidl.service.Dataproxy.CreateDownloadLocationRequest;
import flyteidl.service.Dataproxy.CreateDownloadLocationResponse;
import flyteidl.service.Dataproxy.CreateUploadLocationRequest;
import flyteidl.service.Dataproxy.CreateUploadLocationResponse;
import flyteidl.service.Dataproxy.PreSignedURLs;
import flyteidl.service.DataProxyServiceGrpc;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * FlyteAdmin's DataProxyService (dataproxy/service.go): an upload location under
 * {@code <storage>/<project>/<domain>/<base32 of the MD5 or filename_root>/<filename>} with a presigned PUT URL
 * served by {@link ObjectEndpoint}, and presigned downloads of objects under the storage root.
 */
final class DataProxyService extends DataProxyServiceGrpc.DataProxyServiceImplBase {
  private static final Duration MAX_EXPIRY = Duration.ofHours(1);

  private final StorageUri root;
  private final ObjectEndpoint endpoint;

  DataProxyService(StorageUri root, ObjectEndpoint endpoint) {
    this.root = root;
    this.endpoint = endpoint;
  }

  @Override
  public void createUploadLocation(CreateUploadLocationRequest request,
      StreamObserver<CreateUploadLocationResponse> out) {
    AdminService.reply(out, () -> {
      Ids.require(request.getProject(), "project");
      Ids.require(request.getDomain(), "domain");
      if (request.getContentMd5().isEmpty() && request.getFilenameRoot().isEmpty()) {
        throw AdminErrors.invalidArgument("content_md5 is required when filename_root is not set");
      }
      if (!request.getContentMd5().isEmpty() && request.getContentMd5().size() != 16) {
        throw AdminErrors.invalidArgument("content_md5 must be the 16 bytes of an MD5 digest, got %d bytes",
            request.getContentMd5().size());
      }
      Duration expiresIn = expiry(request.getExpiresIn());
      String prefix = request.getFilenameRoot().isEmpty()
          ? base32(request.getContentMd5().toByteArray()) : request.getFilenameRoot();
      String filename = request.getFilename().isEmpty() ? base32(request.getContentMd5().toByteArray())
          : request.getFilename();
      StorageUri object = root.resolve(request.getProject() + "/" + request.getDomain() + "/" + prefix + "/"
          + filename);
      Instant expires = Instant.now().plus(expiresIn);
      String md5 = request.getContentMd5().isEmpty() ? ""
          : Base64.getEncoder().encodeToString(request.getContentMd5().toByteArray());
      CreateUploadLocationResponse.Builder response = CreateUploadLocationResponse.newBuilder()
          .setSignedUrl(endpoint.uploadUrl(object, expires, md5))
          .setNativeUrl(object.toString())
          .setExpiresAt(timestamp(expires));
      if (!md5.isEmpty()) {
        response.putHeaders("Content-MD5", md5);
      }
      return response.build();
    });
  }

  @Override
  public void createDownloadLocation(CreateDownloadLocationRequest request,
      StreamObserver<CreateDownloadLocationResponse> out) {
    AdminService.reply(out, () -> {
      Instant expires = Instant.now().plus(expiry(request.getExpiresIn()));
      return CreateDownloadLocationResponse.newBuilder()
          .setSignedUrl(endpoint.downloadUrl(object(request.getNativeUrl()), expires))
          .setExpiresAt(timestamp(expires)).build();
    });
  }

  @Override
  public void createDownloadLink(CreateDownloadLinkRequest request, StreamObserver<CreateDownloadLinkResponse> out) {
    AdminService.reply(out, () -> {
      throw AdminErrors.notFound("no deck or artifact is recorded for node execution [%s]",
          request.getNodeExecutionId().getNodeId());
    });
  }

  private StorageUri object(String nativeUrl) {
    Ids.require(nativeUrl, "native_url");
    StorageUri uri;
    try {
      uri = StorageUri.parse(nativeUrl);
    } catch (RuntimeException e) {
      throw AdminErrors.invalidArgument("failed to parse native_url [%s]: %s", nativeUrl, e.getMessage());
    }
    if (!root.contains(uri)) {
      throw AdminErrors.invalidArgument("native_url [%s] is not under the storage [%s]", nativeUrl, root);
    }
    return uri;
  }

  private static Duration expiry(com.google.protobuf.Duration requested) {
    Duration d = Duration.ofSeconds(requested.getSeconds(), requested.getNanos());
    if (d.isNegative()) {
      throw AdminErrors.invalidArgument("expires_in must not be negative");
    }
    if (d.compareTo(MAX_EXPIRY) > 0) {
      throw AdminErrors.invalidArgument("expiresIn [%s] cannot exceed max allowed expiration [%s]", d, MAX_EXPIRY);
    }
    return d.isZero() ? MAX_EXPIRY : d;
  }

  static Timestamp timestamp(Instant t) {
    return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
  }

  /** RFC 4648 base32 without padding, lower case: how FlyteAdmin names the upload's folder after its MD5. */
  static String base32(byte[] bytes) {
    final String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(alphabet.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }
}
