package dev.flytejava.testkit.admin;

import dev.flytejava.runtime.storage.Storage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A small stand-in for propeller: runs a workflow's nodes one at a time in dependency order,
 * each task's container command and args as a local process (with propeller's templating of
 * {@code {{.input}}}, {@code {{.outputPrefix}}}, {@code {{.rawOutputDataPrefix}}} and the checkpoint prefixes,
 * and the given bin directory, e.g. a venv's with {@code pyflyte-execute}, first on PATH), reading its
 * {@code outputs.pb} or {@code error.pb}, and reporting propeller's events. Branch nodes run their chosen node,
 * array (map) nodes their task per element, subworkflow nodes the subworkflow's nodes, launch plan nodes the registered
 * plan's workflow, as propeller runs them; a gate node fails the execution with an error naming the node.
 *
 * <p>Task types run as propeller's plugins run them: a container task with a {@code data_config} (the
 * {@code raw-container} type) inside the testkit's {@link Copilot}; a pod task ({@code sidecar}) as its primary
 * container ({@link PodContainers}); a task without a container through the agent serving its type (an
 * {@code AgentPlugin} on this class path, driven by its create/get/delete polling loop, in this JVM). Every container
 * gets {@code {{.taskTemplatePath}}}: the task's template, stored beside its inputs as propeller stores it for the pod.
 */
public final class ProcessLauncher implements ExecutionLauncher, AutoCloseable {
  private final Storage storage;
  private final Path binDirectory;
  private final Path workDirectory;
  private final Duration taskTimeout;

  /**
   * @param binDirectory put first on PATH for tasks (a venv's {@code bin} for flytekit tasks)
   * @param workDirectory where task processes run (each in its own subfolder)
   */
  public ProcessLauncher(Storage storage, Path binDirectory, Path workDirectory, Duration taskTimeout) {
    this.storage = storage;
    this.binDirectory = binDirectory;
    this.workDirectory = workDirectory;
    this.taskTimeout = taskTimeout;
  }

  /** The threads of executions that have not ended, each with its run. */
  private final Map<Thread, ExecutionRun> running = new java.util.concurrent.ConcurrentHashMap<>();

  @Override
  public Launched launch(Launch launch, Events events) {
    ExecutionRun run = new ExecutionRun(launch, events, storage, binDirectory, workDirectory, taskTimeout);
    Thread thread = new Thread(() -> {
      try {
        run.execute();
      } finally {
        running.remove(Thread.currentThread());
      }
    }, "testkit-execution-" + launch.id().getName());
    thread.setDaemon(true);
    running.put(thread, run);
    thread.start();
    return run::abort;
  }

  /** Aborts the executions still running and waits (up to 10 s each) for their task processes to be gone. */
  @Override
  public void close() throws InterruptedException {
    running.values().forEach(r -> r.abort("the testkit is closing"));
    for (Thread t : List.copyOf(running.keySet())) {
      t.join(10_000);
    }
  }
}
