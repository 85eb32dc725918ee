package dev.flytejava.testkit.admin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flyteidl.core.Types.BlobType;
import flyteidl.core.Types.EnumType;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import flyteidl.core.Types.UnionType;
import org.junit.jupiter.api.Test;

/** Flyte's casting rules between literal types, as propeller's compiler applies them to bindings. */
class TypeCompatibilityTest {
  private static final LiteralType INT = simple(SimpleType.INTEGER);
  private static final LiteralType FLOAT = simple(SimpleType.FLOAT);
  private static final LiteralType STRING = simple(SimpleType.STRING);
  private static final LiteralType NONE = simple(SimpleType.NONE);

  @Test
  void simpleTypesMatchExactly() {
    assertTrue(TypeCompatibility.castable(INT, INT));
    assertFalse(TypeCompatibility.castable(INT, FLOAT));
    assertFalse(TypeCompatibility.castable(STRING, INT));
  }

  @Test
  void optionalsAndUnions() {
    LiteralType optionalInt = union(INT, NONE);
    assertTrue(TypeCompatibility.castable(INT, optionalInt));
    assertTrue(TypeCompatibility.castable(NONE, optionalInt));
    assertFalse(TypeCompatibility.castable(NONE, INT), "None flows only into None or an optional");
    assertFalse(TypeCompatibility.castable(optionalInt, INT), "an optional is not an int");
    assertTrue(TypeCompatibility.castable(optionalInt, union(NONE, INT, STRING)));
    assertFalse(TypeCompatibility.castable(FLOAT, optionalInt));
    assertFalse(TypeCompatibility.castable(INT, union(INT, union(INT, NONE))), "ambiguous: two variants accept it");
  }

  @Test
  void containersEnumsAndBlobs() {
    assertTrue(TypeCompatibility.castable(list(INT), list(INT)));
    assertFalse(TypeCompatibility.castable(list(INT), list(STRING)));
    assertFalse(TypeCompatibility.castable(list(INT), INT));
    LiteralType color = LiteralType.newBuilder().setEnumType(EnumType.newBuilder().addValues("red")).build();
    assertTrue(TypeCompatibility.castable(color, STRING));
    assertTrue(TypeCompatibility.castable(STRING, color));
    LiteralType csv = blob("csv", BlobType.BlobDimensionality.SINGLE);
    assertTrue(TypeCompatibility.castable(csv, blob("", BlobType.BlobDimensionality.SINGLE)));
    assertFalse(TypeCompatibility.castable(csv, blob("parquet", BlobType.BlobDimensionality.SINGLE)));
    assertFalse(TypeCompatibility.castable(csv, blob("csv", BlobType.BlobDimensionality.MULTIPART)));
  }

  private static LiteralType simple(SimpleType t) {
    return LiteralType.newBuilder().setSimple(t).build();
  }

  private static LiteralType union(LiteralType... variants) {
    return LiteralType.newBuilder().setUnionType(UnionType.newBuilder().addAllVariants(java.util.List.of(variants)))
        .build();
  }

  private static LiteralType list(LiteralType element) {
    return LiteralType.newBuilder().setCollectionType(element).build();
  }

  private static LiteralType blob(String format, BlobType.BlobDimensionality d) {
    return LiteralType.newBuilder().setBlob(BlobType.newBuilder().setFormat(format).setDimensionality(d)).build();
  }
}
