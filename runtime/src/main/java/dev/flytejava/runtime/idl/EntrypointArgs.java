package dev.flytejava.runtime.idl;

import java.util.List;

/**
 * The container arguments of a Java task: {@code flyte-java entrypoint} with the task's name, the shipped code and
 * Flyte's templated paths. FlytePropeller fills in {@code {{.input}}} and the other prefixes when it starts the pod;
 * {@code flytectl register files} replaces {@link #REMOTE_PACKAGE_PATH} with where it uploaded the code (an arg
 * equal to that exact text), as for {@code pyflyte package --fast}. The spellings are pyflyte's.
 */
public final class EntrypointArgs {
  private EntrypointArgs() {}

  /** flytectl's fast-registration placeholder for the uploaded code archive. */
  public static final String REMOTE_PACKAGE_PATH = "{{ .remote_package_path }}";
  /** Where propeller puts {@code inputs.pb} ({@code core.LiteralMap}). */
  public static final String INPUTS = "{{.input}}";
  /** Where the task writes {@code outputs.pb} or {@code error.pb}. */
  public static final String OUTPUT_PREFIX = "{{.outputPrefix}}";
  public static final String RAW_OUTPUT_DATA_PREFIX = "{{.rawOutputDataPrefix}}";
  public static final String CHECKPOINT_OUTPUT_PREFIX = "{{.checkpointOutputPrefix}}";
  public static final String PREV_CHECKPOINT_PREFIX = "{{.prevCheckpointPrefix}}";

  /** The args that run task {@code taskName} from the shipped code. */
  public static List<String> forTask(String taskName) {
    return List.of("flyte-java", "entrypoint",
        "--task", taskName,
        "--code", REMOTE_PACKAGE_PATH,
        "--inputs", INPUTS,
        "--output-prefix", OUTPUT_PREFIX,
        "--raw-output-data-prefix", RAW_OUTPUT_DATA_PREFIX,
        "--checkpoint-path", CHECKPOINT_OUTPUT_PREFIX,
        "--prev-checkpoint", PREV_CHECKPOINT_PREFIX);
  }

  /**
   * The task whose code a template's container runs (the value after {@code --task}; for a map task, the mapped
   * task), or the template's own name when it runs no Java entrypoint.
   */
  public static String taskName(flyteidl.core.Tasks.TaskTemplate template) {
    List<String> args = template.getContainer().getArgsList();
    int at = args.indexOf("--task");
    return at >= 0 && at + 1 < args.size() && args.contains("entrypoint") ? args.get(at + 1) : template.getId().getName();
  }
}
