package dev.flytejava.runtime.model;

import dev.flytejava.runtime.types.internal.Describe;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import flyteidl.core.Types.StructuredDatasetType;

/** Reading Flyte {@code LiteralType}s: a short text for messages, and the assignability rule of wiring checks. */
public final class FlyteTypes {
  private FlyteTypes() {}

  /**
   * A short text: {@code INTEGER}, {@code LIST<STRING>}, {@code MAP<STRING, FLOAT>}, {@code UNION<INTEGER | NONE>},
   * {@code STRUCT(Coordinate)}, {@code BLOB FILE(csv)}. The same rendering as the type engine's error messages.
   */
  public static String describe(LiteralType t) {
    return Describe.literalType(t);
  }

  /**
   * Whether a value of type {@code actual} may be bound where {@code expected} is declared, following Flyte's
   * type checker: equal types; any member of a union (a union into a union when each of its variants fits);
   * lists and maps element-wise; STRUCTs with the same schema (a STRUCT without schema metadata accepts any);
   * blobs of the same dimensionality and format (an empty format matches any). Annotations are ignored.
   */
  public static boolean isAssignable(LiteralType expected, LiteralType actual) {
    if (expected.equals(actual)) {
      return true;
    }
    if (expected.hasUnionType()) {
      if (actual.hasUnionType()) {
        return actual.getUnionType().getVariantsList().stream().allMatch(a -> isAssignable(expected, a));
      }
      return expected.getUnionType().getVariantsList().stream().anyMatch(v -> isAssignable(v, actual));
    }
    if (expected.getTypeCase() != actual.getTypeCase()) {
      return false;
    }
    switch (expected.getTypeCase()) {
      case SIMPLE:
        if (expected.getSimple() != actual.getSimple()) {
          return false;
        }
        if (expected.getSimple() == SimpleType.STRUCT && expected.hasMetadata() && actual.hasMetadata()) {
          return expected.getMetadata().equals(actual.getMetadata());
        }
        return true;
      case COLLECTION_TYPE:
        return isAssignable(expected.getCollectionType(), actual.getCollectionType());
      case MAP_VALUE_TYPE:
        return isAssignable(expected.getMapValueType(), actual.getMapValueType());
      case ENUM_TYPE:
        return expected.getEnumType().getValuesList().equals(actual.getEnumType().getValuesList());
      case STRUCTURED_DATASET_TYPE:
        return datasetAssignable(expected.getStructuredDatasetType(), actual.getStructuredDatasetType());
      case BLOB:
        String ef = expected.getBlob().getFormat();
        String af = actual.getBlob().getFormat();
        return expected.getBlob().getDimensionality() == actual.getBlob().getDimensionality()
            && (ef.isEmpty() || af.isEmpty() || ef.equals(af));
      default:
        return expected.toBuilder().clearAnnotation().build().equals(actual.toBuilder().clearAnnotation().build());
    }
  }

  /**
   * Flyte's rule for datasets: formats match (ignoring case) or one is empty (any format); when both list columns,
   * each expected column is among the actual ones with an assignable type.
   */
  private static boolean datasetAssignable(StructuredDatasetType expected, StructuredDatasetType actual) {
    String ef = expected.getFormat();
    String af = actual.getFormat();
    if (!ef.isEmpty() && !af.isEmpty() && !ef.equalsIgnoreCase(af)) {
      return false;
    }
    if (expected.getColumnsCount() == 0 || actual.getColumnsCount() == 0) {
      return true;
    }
    for (StructuredDatasetType.DatasetColumn column : expected.getColumnsList()) {
      boolean found = actual.getColumnsList().stream().anyMatch(a -> a.getName().equals(column.getName())
          && isAssignable(column.getLiteralType(), a.getLiteralType()));
      if (!found) {
        return false;
      }
    }
    return true;
  }
}
