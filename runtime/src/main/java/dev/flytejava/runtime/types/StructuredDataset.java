package dev.flytejava.runtime.types;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A structured dataset (a table such as a pandas DataFrame written by a Python task) passed between tasks by
 * reference: where its files are and their format ({@code parquet}, {@code csv}...; empty for "any"). Java tasks
 * pass it on, or read and write the files with a library of their choice; nothing here loads the data. Inside
 * records it is written as {@code {"uri": ..., "file_format": ...}}, as flytekit writes a StructuredDataset.
 */
public record StructuredDataset(@JsonProperty("uri") String uri, @JsonProperty("file_format") String format)
        implements UriReference {

    public StructuredDataset {
        Objects.requireNonNull(uri, "uri");
        if (uri.isBlank()) {
            throw new IllegalArgumentException("StructuredDataset needs a path or URI, got a blank string");
        }
        format = format == null ? "" : format;
    }

    /** A dataset in a local directory (or file) of {@code format} files. */
    public static StructuredDataset of(Path path, String format) {
        return new StructuredDataset(path.toAbsolutePath().toString(), format);
    }
}
