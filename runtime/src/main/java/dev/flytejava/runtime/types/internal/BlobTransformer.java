package dev.flytejava.runtime.types.internal;

import dev.flytejava.runtime.types.FlyteDirectory;
import dev.flytejava.runtime.types.FlyteFile;
import dev.flytejava.runtime.types.TransformerContext;
import dev.flytejava.runtime.types.TypeTransformer;
import flyteidl.core.Literals.Blob;
import flyteidl.core.Literals.BlobMetadata;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Types.BlobType;
import flyteidl.core.Types.BlobType.BlobDimensionality;
import flyteidl.core.Types.LiteralType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Files and directories as Flyte BLOBs with the default (empty) format: {@link FlyteFile} and
 * {@link java.nio.file.Path} are SINGLE, {@link FlyteDirectory} is MULTIPART. Only the URI travels; moving the
 * bytes is the executor's and the remote client's job.
 */
public final class BlobTransformer<T> implements TypeTransformer<T> {

    private final Class<T> type;
    private final String name;
    private final BlobType blobType;
    private final LiteralType literalType;
    private final Function<T, String> toUri;
    private final Function<String, T> fromUri;

    private BlobTransformer(Class<T> type, String name, BlobDimensionality dimensionality, Function<T, String> toUri,
            Function<String, T> fromUri) {
        this.type = type;
        this.name = name;
        this.blobType = BlobType.newBuilder().setDimensionality(dimensionality).build();
        this.literalType = LiteralType.newBuilder().setBlob(blobType).build();
        this.toUri = toUri;
        this.fromUri = fromUri;
    }

    public static List<BlobTransformer<?>> all() {
        return List.of(
                new BlobTransformer<>(FlyteFile.class, "FlyteFilePath", BlobDimensionality.SINGLE, FlyteFile::uri, FlyteFile::new),
                new BlobTransformer<>(FlyteDirectory.class, "FlyteDirectory", BlobDimensionality.MULTIPART, FlyteDirectory::uri,
                        FlyteDirectory::new),
                new BlobTransformer<>(Path.class, "FlyteFilePath", BlobDimensionality.SINGLE,
                        path -> path.toAbsolutePath().toString(), uri -> new FlyteFile(uri).toPath()));
    }

    @Override
    public Class<T> type() {
        return type;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public LiteralType literalType(Type javaType, TransformerContext context) {
        return literalType;
    }

    @Override
    public Literal toLiteral(T value, Type javaType, TransformerContext context) {
        return Literals.of(Scalar.newBuilder().setBlob(Blob.newBuilder()
                .setMetadata(BlobMetadata.newBuilder().setType(blobType)).setUri(toUri.apply(value))));
    }

    @Override
    public T toJava(Literal literal, Type javaType, TransformerContext context) {
        if (literal.getValueCase() != Literal.ValueCase.SCALAR || !literal.getScalar().hasBlob()) {
            throw new IllegalArgumentException("expected a BLOB scalar");
        }
        Blob blob = literal.getScalar().getBlob();
        if (blob.getMetadata().getType().getDimensionality() != blobType.getDimensionality()) {
            throw new IllegalArgumentException("expected a " + blobType.getDimensionality() + " blob, found "
                    + blob.getMetadata().getType().getDimensionality());
        }
        return fromUri.apply(blob.getUri());
    }
}
