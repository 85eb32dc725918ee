package dev.flytejava.runtime.entrypoint;

import dev.flytejava.runtime.storage.Storage;
import dev.flytejava.runtime.storage.StorageException;
import dev.flytejava.runtime.storage.StorageUri;
import flyteidl.core.Literals.Blob;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralCollection;
import flyteidl.core.Literals.LiteralMap;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Literals.StructuredDataset;
import flyteidl.core.Types.BlobType.BlobDimensionality;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Moves the bytes behind file and directory literals, which the type engine passes by URI: remote inputs are
 * downloaded before the task runs (its code gets local paths), and local outputs are uploaded under the raw output
 * prefix afterwards. An output that is an input passed on keeps its remote URI instead of being uploaded again.
 * Structured datasets stay references (Java code does not read their files), except a local one in an output.
 */
final class BlobStaging {
    private final Storage storage;
    private final Path downloads;
    private final StorageUri rawOutputs;
    private final Map<String, String> remoteOfLocal = new HashMap<>();

    BlobStaging(Storage storage, Path downloads, StorageUri rawOutputs) {
        this.storage = storage;
        this.downloads = downloads;
        this.rawOutputs = rawOutputs;
    }

    LiteralMap inputs(LiteralMap inputs) throws StorageException {
        return map(inputs, true);
    }

    LiteralMap outputs(LiteralMap outputs) throws StorageException {
        return map(outputs, false);
    }

    private LiteralMap map(LiteralMap m, boolean in) throws StorageException {
        LiteralMap.Builder out = LiteralMap.newBuilder();
        for (Map.Entry<String, Literal> e : m.getLiteralsMap().entrySet()) out.putLiterals(e.getKey(), literal(e.getValue(), in));
        return out.build();
    }

    private Literal literal(Literal l, boolean in) throws StorageException {
        if (l.hasCollection()) {
            LiteralCollection.Builder c = LiteralCollection.newBuilder();
            for (Literal item : l.getCollection().getLiteralsList()) c.addLiterals(literal(item, in));
            return l.toBuilder().setCollection(c).build();
        }
        if (l.hasMap()) return l.toBuilder().setMap(map(l.getMap(), in)).build();
        if (!l.hasScalar()) return l;
        Scalar s = l.getScalar();
        if (s.hasUnion() && s.getUnion().hasValue()) {
            return l.toBuilder().setScalar(s.toBuilder().setUnion(s.getUnion().toBuilder().setValue(literal(s.getUnion().getValue(), in)))).build();
        }
        if (s.hasBlob()) {
            Blob b = s.getBlob();
            boolean multipart = b.getMetadata().getType().getDimensionality() == BlobDimensionality.MULTIPART;
            String uri = in ? download(b.getUri(), multipart) : upload(b.getUri(), multipart);
            return l.toBuilder().setScalar(s.toBuilder().setBlob(b.toBuilder().setUri(uri))).build();
        }
        if (s.hasStructuredDataset() && !in) {
            StructuredDataset d = s.getStructuredDataset();
            String uri = upload(d.getUri(), Files.isDirectory(localPath(d.getUri())));
            return l.toBuilder().setScalar(s.toBuilder().setStructuredDataset(d.toBuilder().setUri(uri))).build();
        }
        return l;
    }

    private String download(String uri, boolean multipart) throws StorageException {
        if (uri.isEmpty()) return uri;
        StorageUri remote = StorageUri.parse(uri);
        if (remote.isLocal()) return uri;
        Path local = multipart ? storage.localDirectory(remote, downloads) : storage.localFile(remote, downloads);
        String path = local.toAbsolutePath().toString();
        remoteOfLocal.put(path, uri);
        return path;
    }

    private String upload(String uri, boolean multipart) throws StorageException {
        if (uri.isEmpty()) return uri;
        StorageUri location = StorageUri.parse(uri);
        if (!location.isLocal()) return uri;
        String passedOn = remoteOfLocal.get(location.toPath().toAbsolutePath().toString());
        if (passedOn != null) return passedOn;
        if (rawOutputs.isLocal() && location.toPath().startsWith(rawOutputs.toPath())) return uri;
        StorageUri target = rawOutputs.resolve(UUID.randomUUID().toString().replace("-", "")).resolve(location.name());
        if (multipart) storage.copyTree(location, target);
        else storage.copy(location, target);
        return target.toString();
    }

    private static Path localPath(String uri) {
        StorageUri u = StorageUri.parse(uri);
        return u.isLocal() ? u.toPath() : Path.of("/nonexistent");
    }
}
