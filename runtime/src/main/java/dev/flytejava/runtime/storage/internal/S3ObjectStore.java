package dev.flytejava.runtime.storage.internal;

import dev.flytejava.runtime.storage.ObjectNotFoundException;
import dev.flytejava.runtime.storage.ObjectStore;
import dev.flytejava.runtime.storage.S3Settings;
import dev.flytejava.runtime.storage.StorageException;
import dev.flytejava.runtime.storage.StorageOperation;
import dev.flytejava.runtime.storage.StorageUri;
import dev.flytejava.runtime.storage.TransientStorageException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code s3://bucket/key} locations through the AWS SDK's sync S3 client, created on first use. Objects up to
 * {@link #PART_SIZE} are written with one PUT, larger ones (or streams of unknown length that turn out larger) as
 * a multipart upload of parts of that size, holding at most two parts in memory; both become visible only when
 * complete, and a failed multipart upload is aborted.
 */
public final class S3ObjectStore implements ObjectStore {
  /** S3 takes at most 10,000 parts of at least 5 MiB (but the last). */
  static final int PART_SIZE = 8 * 1024 * 1024;
  private static final int MAX_PARTS = 10_000;

  private final S3Settings settings;
  private volatile S3Client client;
  private SdkHttpClient http;

  public S3ObjectStore(S3Settings settings) {
    this.settings = settings;
  }

  @Override
  public String scheme() {
    return "s3";
  }

  @Override
  public InputStream open(StorageUri uri) throws IOException {
    S3Client s3 = client(StorageOperation.READ, uri);
    String key = key(StorageOperation.READ, uri);
    try {
      var object = s3.getObject(get -> get.bucket(uri.authority()).key(key));
      Long length = object.response().contentLength();
      return new TranslatingStream(object, uri, length == null ? -1 : length);
    } catch (SdkException e) {
      throw S3Errors.translate(StorageOperation.READ, uri, e);
    }
  }

  @Override
  public void write(StorageUri uri, InputStream data, long length) throws IOException {
    S3Client s3 = client(StorageOperation.WRITE, uri);
    String key = key(StorageOperation.WRITE, uri);
    int partSize = (int) Math.max(PART_SIZE, length < 0 ? 0 : -Math.floorDiv(-length, MAX_PARTS));
    byte[] first = data.readNBytes(partSize);
    byte[] next = first.length == partSize ? data.readNBytes(partSize) : new byte[0];
    long total = first.length + (long) next.length;
    try {
      if (next.length == 0) {
        checkLength(uri, length, total);
        s3.putObject(put -> put.bucket(uri.authority()).key(key), RequestBody.fromBytes(first));
        return;
      }
      String uploadId = s3.createMultipartUpload(create -> create.bucket(uri.authority()).key(key)).uploadId();
      try {
        List<CompletedPart> parts = new ArrayList<>();
        parts.add(uploadPart(s3, uri, uploadId, 1, first));
        while (next.length > 0) {
          byte[] part = next;
          next = part.length == partSize ? data.readNBytes(partSize) : new byte[0];
          total += next.length;
          parts.add(uploadPart(s3, uri, uploadId, parts.size() + 1, part));
        }
        checkLength(uri, length, total);
        s3.completeMultipartUpload(complete -> complete.bucket(uri.authority()).key(key).uploadId(uploadId)
            .multipartUpload(upload -> upload.parts(parts)));
      } catch (IOException | RuntimeException e) {
        abort(s3, uri, uploadId, e);
        throw e;
      }
    } catch (SdkException e) {
      throw S3Errors.translate(StorageOperation.WRITE, uri, e);
    }
  }

  private static CompletedPart uploadPart(S3Client s3, StorageUri uri, String uploadId, int number, byte[] bytes) {
    String etag = s3.uploadPart(part -> part.bucket(uri.authority()).key(uri.key()).uploadId(uploadId)
        .partNumber(number), RequestBody.fromBytes(bytes)).eTag();
    return CompletedPart.builder().partNumber(number).eTag(etag).build();
  }

  private static void abort(S3Client s3, StorageUri uri, String uploadId, Exception failure) {
    try {
      s3.abortMultipartUpload(abort -> abort.bucket(uri.authority()).key(uri.key()).uploadId(uploadId));
    } catch (SdkException e) {
      failure.addSuppressed(e); // the store will expire the upload; the first failure is what matters
    }
  }

  private static void checkLength(StorageUri uri, long expected, long actual) throws StorageException {
    if (expected >= 0 && expected != actual) {
      throw new StorageException(StorageOperation.WRITE, uri, "expected " + expected + " bytes, the stream gave "
          + actual, null);
    }
  }

  @Override
  public boolean exists(StorageUri uri) throws IOException {
    S3Client s3 = client(StorageOperation.EXISTS, uri);
    try {
      s3.headObject(head -> head.bucket(uri.authority()).key(uri.key()));
      return true;
    } catch (SdkException e) {
      StorageException failure = S3Errors.translate(StorageOperation.EXISTS, uri, e);
      if (failure instanceof ObjectNotFoundException) {
        return false;
      }
      throw failure;
    }
  }

  @Override
  public List<StorageUri> list(StorageUri prefix) throws IOException {
    S3Client s3 = client(StorageOperation.LIST, prefix);
    String keyPrefix = prefix.key().isEmpty() || prefix.key().endsWith("/") ? prefix.key() : prefix.key() + "/";
    List<StorageUri> found = new ArrayList<>();
    try {
      for (S3Object object : s3.listObjectsV2Paginator(list -> list.bucket(prefix.authority()).prefix(keyPrefix))
          .contents()) {
        if (!object.key().endsWith("/")) { // "folder" markers some tools write are not objects of the tree
          found.add(new StorageUri("s3", prefix.authority(), "/" + object.key()));
        }
      }
    } catch (SdkException e) {
      throw S3Errors.translate(StorageOperation.LIST, prefix, e);
    }
    found.sort(Comparator.comparing(StorageUri::toString));
    return found;
  }

  @Override
  public void copy(StorageUri from, StorageUri to) throws IOException {
    S3Client s3 = client(StorageOperation.COPY, from);
    String sourceKey = key(StorageOperation.COPY, from);
    String targetKey = key(StorageOperation.COPY, to);
    try {
      s3.copyObject(copy -> copy.sourceBucket(from.authority()).sourceKey(sourceKey)
          .destinationBucket(to.authority()).destinationKey(targetKey));
    } catch (SdkException e) {
      throw S3Errors.translate(StorageOperation.COPY, from, e);
    }
  }

  @Override
  public synchronized void close() {
    if (client != null) {
      client.close();
      http.close(); // given to the SDK, so not closed with its client
      client = null;
    }
  }

  private S3Client client(StorageOperation operation, StorageUri uri) throws StorageException {
    S3Client current = client;
    if (current == null) {
      synchronized (this) {
        current = client;
        if (current == null) {
          SdkHttpClient connections = S3Clients.httpClient();
          try {
            current = S3Clients.create(settings, connections);
          } catch (IllegalArgumentException e) {
            connections.close();
            throw new StorageException(operation, uri, "bad S3 settings: " + e.getMessage(), e);
          } catch (SdkException e) {
            connections.close();
            throw new StorageException(operation, uri, "cannot create the S3 client: " + e.getMessage(), e);
          }
          http = connections;
          client = current;
        }
      }
    }
    return current;
  }

  private static String key(StorageOperation operation, StorageUri uri) throws StorageException {
    if (uri.key().isEmpty() || uri.key().endsWith("/")) {
      throw new StorageException(operation, uri, "an object needs a key that does not end in '/'", null);
    }
    return uri.key();
  }

  /**
   * The object's bytes, with the SDK's unchecked failures while reading turned into storage exceptions, and its
   * length checked: the JDK's HTTP client ends a body that the server
   * cut short as if it were complete, so an object shorter than its Content-Length is a transient failure here,
   * never a truncated success.
   */
  private static final class TranslatingStream extends FilterInputStream {
    private final StorageUri uri;
    private final long expected;
    private long seen;

    TranslatingStream(InputStream in, StorageUri uri, long expected) {
      super(in);
      this.uri = uri;
      this.expected = expected;
    }

    @Override
    public int read() throws IOException {
      try {
        int b = super.read();
        count(b < 0 ? -1 : 1);
        return b;
      } catch (IOException e) {
        throw S3Errors.translate(StorageOperation.READ, uri, e);
      } catch (SdkException e) {
        throw S3Errors.translate(StorageOperation.READ, uri, e);
      }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      try {
        int n = super.read(buffer, offset, length);
        count(length == 0 ? 0 : n);
        return n;
      } catch (IOException e) {
        throw S3Errors.translate(StorageOperation.READ, uri, e);
      } catch (SdkException e) {
        throw S3Errors.translate(StorageOperation.READ, uri, e);
      }
    }

    private void count(int n) throws IOException {
      if (n > 0) seen += n;
      if (n < 0 && expected >= 0 && seen < expected) {
        throw new TransientStorageException(StorageOperation.READ, uri,
            "the download ended after " + seen + " of " + expected + " bytes", null);
      }
    }
  }
}
