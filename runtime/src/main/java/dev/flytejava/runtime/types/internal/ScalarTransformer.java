package dev.flytejava.runtime.types.internal;

import dev.flytejava.runtime.types.TransformerContext;
import dev.flytejava.runtime.types.TypeTransformer;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import java.lang.reflect.Type;

/** Base of the transformers for one Flyte simple type: fixed literal type and union tag. */
abstract class ScalarTransformer<T> implements TypeTransformer<T> {

    private final Class<T> type;
    private final String name;
    private final LiteralType literalType;

    ScalarTransformer(Class<T> type, String name, SimpleType simple) {
        this.type = type;
        this.name = name;
        this.literalType = Literals.simple(simple);
    }

    @Override
    public final Class<T> type() {
        return type;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final LiteralType literalType(Type javaType, TransformerContext context) {
        return literalType;
    }
}
