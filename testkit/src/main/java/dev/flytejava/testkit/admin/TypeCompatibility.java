package dev.flytejava.testkit.admin;

import flyteidl.core.Literals.Literal;
import flyteidl.core.Literals.Primitive;
import flyteidl.core.Literals.Scalar;
import flyteidl.core.Types.BlobType;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import flyteidl.core.Types.StructuredDatasetType;
import java.util.stream.Collectors;

/**
 * Whether a value of one literal type may flow into a variable of another: flytepropeller's compiler rules
 * (validators/typing.go). Simple types match exactly (an int is no float); an enum flows into a string; a
 * collection or map flows by its element type; a blob by dimensionality and format (an empty format matches any);
 * a structured dataset by format and columns, and a schema into one; a value flows into a union when exactly one
 * variant accepts it, a union into anything that accepts every one of its variants; None flows only into None or
 * a union with a None variant. Structs (dataclasses, records) flow into structs.
 */
final class TypeCompatibility {
  private TypeCompatibility() {}

  static boolean castable(LiteralType upstream, LiteralType downstream) {
    if (downstream.hasUnionType()) {
      if (upstream.hasUnionType()) {
        return upstream.getUnionType().getVariantsList().stream()
            .allMatch(u -> downstream.getUnionType().getVariantsList().stream().anyMatch(d -> castable(u, d)));
      }
      long matches = downstream.getUnionType().getVariantsList().stream().filter(d -> castable(upstream, d)).count();
      return matches == 1;
    }
    if (upstream.hasUnionType()) {
      return upstream.getUnionType().getVariantsList().stream().allMatch(u -> castable(u, downstream));
    }
    if (isNone(upstream) || isNone(downstream)) {
      return isNone(upstream) && isNone(downstream);
    }
    switch (downstream.getTypeCase()) {
      case SIMPLE:
        if (downstream.getSimple() == SimpleType.STRING && upstream.hasEnumType()) {
          return true;
        }
        if (downstream.getSimple() == SimpleType.STRUCT) {
          return upstream.getSimple() == SimpleType.STRUCT && upstream.hasSimple();
        }
        return upstream.hasSimple() && upstream.getSimple() == downstream.getSimple();
      case ENUM_TYPE:
        return upstream.hasEnumType() || (upstream.hasSimple() && upstream.getSimple() == SimpleType.STRING);
      case COLLECTION_TYPE:
        return upstream.hasCollectionType() && castable(upstream.getCollectionType(), downstream.getCollectionType());
      case MAP_VALUE_TYPE:
        return upstream.hasMapValueType() && castable(upstream.getMapValueType(), downstream.getMapValueType());
      case BLOB:
        return upstream.hasBlob() && blobCastable(upstream.getBlob(), downstream.getBlob());
      case SCHEMA:
        return upstream.hasSchema() || upstream.hasStructuredDatasetType();
      case STRUCTURED_DATASET_TYPE:
        if (upstream.hasSchema()) {
          return true;
        }
        return upstream.hasStructuredDatasetType()
            && datasetCastable(upstream.getStructuredDatasetType(), downstream.getStructuredDatasetType());
      default:
        return upstream.getTypeCase() == downstream.getTypeCase();
    }
  }

  private static boolean isNone(LiteralType t) {
    return t.hasSimple() && t.getSimple() == SimpleType.NONE;
  }

  private static boolean blobCastable(BlobType up, BlobType down) {
    if (up.getDimensionality() != down.getDimensionality()) {
      return false;
    }
    return up.getFormat().isEmpty() || down.getFormat().isEmpty() || up.getFormat().equals(down.getFormat());
  }

  private static boolean datasetCastable(StructuredDatasetType up, StructuredDatasetType down) {
    boolean formats = up.getFormat().isEmpty() || down.getFormat().isEmpty()
        || up.getFormat().equalsIgnoreCase(down.getFormat());
    if (!formats) {
      return false;
    }
    if (up.getColumnsCount() == 0 || down.getColumnsCount() == 0) {
      return true;
    }
    return down.getColumnsList().stream().allMatch(d -> up.getColumnsList().stream()
        .anyMatch(u -> u.getName().equals(d.getName()) && castable(u.getLiteralType(), d.getLiteralType())));
  }

  /**
   * The type of a literal as far as it can be read off the value, or null when it cannot (a binary or generic
   * value, whose type is the variable's); used for bound constants and execution inputs.
   */
  static LiteralType typeOf(Literal literal) {
    switch (literal.getValueCase()) {
      case SCALAR:
        return typeOf(literal.getScalar());
      case COLLECTION: {
        LiteralType element = null;
        for (Literal l : literal.getCollection().getLiteralsList()) {
          element = l == null ? null : typeOf(l);
          if (element == null) {
            return null;
          }
        }
        return element == null ? null : LiteralType.newBuilder().setCollectionType(element).build();
      }
      case MAP: {
        LiteralType value = null;
        for (Literal l : literal.getMap().getLiteralsMap().values()) {
          value = typeOf(l);
          if (value == null) {
            return null;
          }
        }
        return value == null ? null : LiteralType.newBuilder().setMapValueType(value).build();
      }
      default:
        return null;
    }
  }

  private static LiteralType typeOf(Scalar scalar) {
    switch (scalar.getValueCase()) {
      case PRIMITIVE:
        return simple(primitive(scalar.getPrimitive()));
      case NONE_TYPE:
        return simple(SimpleType.NONE);
      case BLOB:
        return LiteralType.newBuilder().setBlob(scalar.getBlob().getMetadata().getType()).build();
      case UNION:
        return scalar.getUnion().getType();
      case GENERIC:
        return simple(SimpleType.STRUCT);
      default:
        return null;
    }
  }

  private static SimpleType primitive(Primitive p) {
    switch (p.getValueCase()) {
      case INTEGER: return SimpleType.INTEGER;
      case FLOAT_VALUE: return SimpleType.FLOAT;
      case STRING_VALUE: return SimpleType.STRING;
      case BOOLEAN: return SimpleType.BOOLEAN;
      case DATETIME: return SimpleType.DATETIME;
      case DURATION: return SimpleType.DURATION;
      default: return SimpleType.NONE;
    }
  }

  private static LiteralType simple(SimpleType t) {
    return LiteralType.newBuilder().setSimple(t).build();
  }

  /** A short form for messages: {@code INTEGER}, {@code collection(STRING)}, {@code union(INTEGER, NONE)}. */
  static String describe(LiteralType t) {
    if (t == null) {
      return "unknown";
    }
    switch (t.getTypeCase()) {
      case SIMPLE: return t.getSimple().name();
      case COLLECTION_TYPE: return "collection(" + describe(t.getCollectionType()) + ")";
      case MAP_VALUE_TYPE: return "map(" + describe(t.getMapValueType()) + ")";
      case UNION_TYPE: return t.getUnionType().getVariantsList().stream().map(TypeCompatibility::describe)
          .collect(Collectors.joining(", ", "union(", ")"));
      case BLOB: return "blob(" + t.getBlob().getDimensionality() + (t.getBlob().getFormat().isEmpty() ? ""
          : ", " + t.getBlob().getFormat()) + ")";
      case ENUM_TYPE: return "enum" + t.getEnumType().getValuesList();
      case STRUCTURED_DATASET_TYPE: return "structured_dataset(" + t.getStructuredDatasetType().getFormat() + ")";
      case SCHEMA: return "schema";
      default: return t.getTypeCase().name().toLowerCase();
    }
  }
}
