package dev.flytejava.runtime.types.internal;

import flyteidl.core.Literals.Literal;
import java.util.List;

/**
 * A transformer that converts a whole list of its values faster than one call per element (one tight loop, one
 * generator); {@link ListTransformer} hands it the list when it converts the elements. Errors carry the element's
 * index, as the per-element route gives them.
 */
interface ListCodec {

    /** The collection literal of {@code values}, whose elements {@code element} converts one by one otherwise. */
    Literal toLiteralList(List<?> values, BoundConverter element);

    /** The immutable list of the elements' values, or null to leave the list to the per-element route. */
    List<?> toJavaList(List<Literal> literals, BoundConverter element);
}
