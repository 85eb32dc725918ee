package dev.flytejava.runtime.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import flyteidl.core.Types.BlobType;
import flyteidl.core.Types.LiteralType;
import flyteidl.core.Types.SimpleType;
import flyteidl.core.Types.StructuredDatasetType;
import flyteidl.core.Types.StructuredDatasetType.DatasetColumn;
import flyteidl.core.Types.UnionType;
import org.junit.jupiter.api.Test;

/** The wiring check's assignability rule, case by case as Flyte's type checker decides. */
class FlyteTypesTest {

    private static LiteralType simple(SimpleType t) {
        return LiteralType.newBuilder().setSimple(t).build();
    }

    private static LiteralType dataset(String format, String... columns) {
        StructuredDatasetType.Builder type = StructuredDatasetType.newBuilder().setFormat(format);
        for (String c : columns) {
            String[] nameType = c.split(":");
            type.addColumns(DatasetColumn.newBuilder().setName(nameType[0]).setLiteralType(simple(SimpleType.valueOf(nameType[1]))));
        }
        return LiteralType.newBuilder().setStructuredDatasetType(type).build();
    }

    @Test
    void simpleUnionsAndLists() {
        LiteralType integer = simple(SimpleType.INTEGER);
        LiteralType optionalInt = LiteralType.newBuilder().setUnionType(UnionType.newBuilder()
                .addVariants(integer).addVariants(simple(SimpleType.NONE))).build();
        assertTrue(FlyteTypes.isAssignable(integer, integer));
        assertFalse(FlyteTypes.isAssignable(integer, simple(SimpleType.FLOAT)));
        assertTrue(FlyteTypes.isAssignable(optionalInt, integer), "a member of a union fits the union");
        assertFalse(FlyteTypes.isAssignable(integer, optionalInt));
        assertTrue(FlyteTypes.isAssignable(LiteralType.newBuilder().setCollectionType(optionalInt).build(),
                LiteralType.newBuilder().setCollectionType(integer).build()));
    }

    @Test
    void blobsMatchOnDimensionalityAndFormatUnlessOneIsEmpty() {
        LiteralType csv = LiteralType.newBuilder().setBlob(BlobType.newBuilder().setFormat("csv")).build();
        LiteralType any = LiteralType.newBuilder().setBlob(BlobType.getDefaultInstance()).build();
        LiteralType dir = LiteralType.newBuilder().setBlob(BlobType.newBuilder()
                .setDimensionality(BlobType.BlobDimensionality.MULTIPART)).build();
        assertTrue(FlyteTypes.isAssignable(any, csv));
        assertTrue(FlyteTypes.isAssignable(csv, any));
        assertFalse(FlyteTypes.isAssignable(csv, LiteralType.newBuilder().setBlob(BlobType.newBuilder().setFormat("json")).build()));
        assertFalse(FlyteTypes.isAssignable(any, dir));
    }

    @Test
    void datasetsMatchOnFormatAndTheExpectedColumns() {
        assertTrue(FlyteTypes.isAssignable(dataset(""), dataset("parquet", "age:INTEGER")), "any format, any columns");
        assertTrue(FlyteTypes.isAssignable(dataset("parquet"), dataset("PARQUET")));
        assertFalse(FlyteTypes.isAssignable(dataset("parquet"), dataset("csv")));
        assertTrue(FlyteTypes.isAssignable(dataset("parquet", "age:INTEGER"), dataset("parquet", "name:STRING", "age:INTEGER")),
                "the expected columns are among the actual ones");
        assertFalse(FlyteTypes.isAssignable(dataset("parquet", "age:INTEGER"), dataset("parquet", "age:STRING")));
        assertFalse(FlyteTypes.isAssignable(dataset("parquet", "height:FLOAT"), dataset("parquet", "age:INTEGER")));
        assertEquals("STRUCTURED_DATASET(parquet; age: INTEGER)", FlyteTypes.describe(dataset("parquet", "age:INTEGER")));
        assertEquals("STRUCTURED_DATASET", FlyteTypes.describe(dataset("")));
    }
}
