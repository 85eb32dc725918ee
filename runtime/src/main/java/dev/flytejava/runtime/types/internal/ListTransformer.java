package dev.flytejava.runtime.types.internal;

import dev.flytejava.runtime.types.TransformerContext;
import dev.flytejava.runtime.types.TypeConverter;
import dev.flytejava.runtime.types.TypeTransformer;
import dev.flytejava.runtime.types.TypeTransformerException;
import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.LiteralCollection;
import flyteidl.core.Types.LiteralType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@code List<T>} as a Flyte collection; the element converter is resolved once per list. */
@SuppressWarnings("rawtypes")
public final class ListTransformer implements TypeTransformer<List> {

    static final String EXAMPLE = "List<Long>";

    @Override
    public Class<List> type() {
        return List.class;
    }

    @Override
    public String name() {
        return "Typed List";
    }

    @Override
    public LiteralType literalType(Type javaType, TransformerContext context) {
        return LiteralType.newBuilder().setCollectionType(context.literalTypeOf(elementType(javaType))).build();
    }

    @Override
    public Literal toLiteral(List value, Type javaType, TransformerContext context) {
        TypeConverter element = context.converter(elementType(javaType));
        if (element instanceof BoundConverter bound && bound.transformer() instanceof ListCodec codec) {
            return codec.toLiteralList(value, bound);
        }
        LiteralCollection.Builder collection = LiteralCollection.newBuilder();
        int index = 0;
        for (Object item : value) {
            collection.addLiterals(atIndex(index++, () -> element.toLiteral(item)));
        }
        return Literal.newBuilder().setCollection(collection).build();
    }

    @Override
    public List toJava(Literal literal, Type javaType, TransformerContext context) {
        if (literal.getValueCase() != Literal.ValueCase.COLLECTION) {
            throw new IllegalArgumentException("expected a collection literal");
        }
        TypeConverter element = context.converter(elementType(javaType));
        List<Literal> literals = literal.getCollection().getLiteralsList();
        if (element instanceof BoundConverter bound && bound.transformer() instanceof ListCodec codec) {
            List<?> values = codec.toJavaList(literals, bound);
            if (values != null) {
                return values;
            }
        }
        int size = literals.size();
        ArrayList<Object> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Literal item = literals.get(i);
            values.add(atIndex(i, () -> element.toJava(item)));
        }
        return Collections.unmodifiableList(values);
    }

    /** {@code convert}'s result; its error, if any, gets the element's index in its path. */
    static <T> T atIndex(int index, java.util.function.Supplier<T> convert) {
        try {
            return convert.get();
        } catch (TypeTransformerException e) {
            throw e.prependPath("[" + index + "]");
        }
    }

    static Type elementType(Type listType) {
        return JavaTypeNames.typeArgument(listType, 0, EXAMPLE);
    }
}
