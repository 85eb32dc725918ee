package dev.flytejava.runtime.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Local paths and remote URIs, the same for files, directories and datasets. */
class UriReferenceTest {

    @Test
    void pathsAndFileUrisAreLocalSchemesAreRemote() {
        assertTrue(new FlyteFile("/tmp/a.csv").isLocal());
        assertTrue(new FlyteFile("relative/a.csv").isLocal());
        assertTrue(new FlyteDirectory("file:///tmp/dir").isLocal());
        assertTrue(new FlyteFile("C:/data/a.csv").isLocal(), "a drive letter is not a scheme");
        assertFalse(new FlyteFile("s3://bucket/a.csv").isLocal());
        assertFalse(new StructuredDataset("gs://bucket/df/", "parquet").isLocal());
        assertTrue(new FlyteFile("/odd:name").isLocal(), "a colon after the first slash is part of the path");
    }

    @Test
    void toPathOnlyForLocalOnes() {
        assertEquals(Path.of("/tmp/dir"), new FlyteDirectory("file:///tmp/dir").toPath());
        assertEquals(Path.of("/tmp/df"), StructuredDataset.of(Path.of("/tmp/df"), "parquet").toPath());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new FlyteFile("s3://bucket/a.csv").toPath());
        assertEquals("[s3://bucket/a.csv] is a remote URI, not a local path; download it first", e.getMessage());
    }
}
