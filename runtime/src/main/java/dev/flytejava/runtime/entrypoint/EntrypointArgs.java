package dev.flytejava.runtime.entrypoint;

import java.util.Objects;

/**
 * The container's arguments, as the compiled task's {@code args} template them and propeller fills them in:
 * {@code --task NAME --code {{ .remote_package_path }} --inputs {{.input}} --output-prefix {{.outputPrefix}}
 * --raw-output-data-prefix {{.rawOutputDataPrefix}} --checkpoint-path {{.checkpointOutputPrefix}}
 * --prev-checkpoint {{.prevCheckpointPrefix}}}. Locations are storage URIs or paths; a raw output prefix or a
 * checkpoint that propeller left as its template (an older propeller) counts as not given.
 */
public record EntrypointArgs(String task, String code, String inputs, String outputPrefix, String rawOutputDataPrefix,
                             String checkpointPath, String prevCheckpoint) {
    public EntrypointArgs {
        Objects.requireNonNull(task, "--task");
        Objects.requireNonNull(code, "--code");
        Objects.requireNonNull(inputs, "--inputs");
        Objects.requireNonNull(outputPrefix, "--output-prefix");
        rawOutputDataPrefix = given(rawOutputDataPrefix);
        checkpointPath = given(checkpointPath);
        prevCheckpoint = given(prevCheckpoint);
    }

    private static String given(String value) {
        return value == null || value.isBlank() || value.startsWith("{{") ? null : value;
    }
}
