package dev.flytejava.runtime.types.internal;

import dev.flytejava.runtime.types.StructuredDataset;
import dev.flytejava.runtime.types.TransformerContext;
import dev.flytejava.runtime.types.TypeTransformer;
import flyteidl.core.Literals;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Literals.StructuredDatasetMetadata;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.StructuredDatasetType;
import java.lang.reflect.Type;

/**
 * {@link StructuredDataset} as a Flyte structured dataset of any format ({@code format: ""}, no columns); only the URI
 * and the file format travel. A dataset typed with a format or columns (as a pandas DataFrame task declares it) is
 * guessed as a {@code PinnedType} of StructuredDataset, which keeps that type.
 */
public final class StructuredDatasetTransformer implements TypeTransformer<StructuredDataset> {

    private static final LiteralType ANY_FORMAT = LiteralType.newBuilder()
            .setStructuredDatasetType(StructuredDatasetType.getDefaultInstance()).build();

    @Override
    public Class<StructuredDataset> type() {
        return StructuredDataset.class;
    }

    @Override
    public String name() {
        return "StructuredDataset Transformer"; // flytekit's name: union tags of Optional<StructuredDataset> match
    }

    @Override
    public LiteralType literalType(Type javaType, TransformerContext context) {
        return ANY_FORMAT;
    }

    @Override
    public Literal toLiteral(StructuredDataset value, Type javaType, TransformerContext context) {
        StructuredDatasetType type = StructuredDatasetType.newBuilder().setFormat(value.format()).build();
        return Literal.newBuilder().setScalar(Scalar.newBuilder().setStructuredDataset(Literals.StructuredDataset.newBuilder()
                .setUri(value.uri()).setMetadata(StructuredDatasetMetadata.newBuilder().setStructuredDatasetType(type)))).build();
    }

    @Override
    public StructuredDataset toJava(Literal literal, Type javaType, TransformerContext context) {
        if (literal.getValueCase() != Literal.ValueCase.SCALAR || !literal.getScalar().hasStructuredDataset()) {
            throw new IllegalArgumentException("expected a STRUCTURED_DATASET scalar");
        }
        Literals.StructuredDataset dataset = literal.getScalar().getStructuredDataset();
        return new StructuredDataset(dataset.getUri(), dataset.getMetadata().getStructuredDatasetType().getFormat());
    }
}
