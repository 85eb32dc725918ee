package dev.flytejava.testkit.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flytejava.runtime.remote.AdminClient;
import dev.flytejava.runtime.remote.RemoteRun;
import dev.flytejava.runtime.storage.Storage;
import dev.flytejava.testkit.admin.ProcessLauncher;
import dev.flytejava.testkit.admin.TestAdmin;
import flyteidl.admin.ExecutionOuterClass.Execution;
import flyteidl.core.IdentifierOuterClass.Identifier;
import flyteidl.core.IdentifierOuterClass.WorkflowExecutionIdentifier;
import flyteidl.core.Literals.LiteralMap;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 50 remote executions in flight at once on one testkit (issue 14, load): each is started, polled and read back by
 * its own client thread, and each task answers its own number, so an execution that got another's outputs fails.
 */
@Tag("stress")
class ConcurrentRemoteRunsStressTest {
  private static final int EXECUTIONS = 50;

  @Test
  void fiftyConcurrentExecutionsAllSucceedWithTheirOwnOutputs(@TempDir Path dir) throws Exception {
    try (Storage storage = Storage.create(); TestAdmin admin = TestAdmin.builder()
        .executions(new ProcessLauncher(storage, Path.of("/bin"), dir, Duration.ofMinutes(2))).start();
         AdminClient client = RemoteRunTest.connect(admin)) {
      List<Identifier> tasks = new ArrayList<>();
      for (int i = 0; i < EXECUTIONS; i++) tasks.add(register(client, i));
      RemoteRun run = new RemoteRun(client, Chains.ENGINE);
      long started = System.nanoTime();
      ExecutorService pool = Executors.newFixedThreadPool(EXECUTIONS);
      try {
        List<Future<Map<String, Object>>> results = new ArrayList<>();
        for (int i = 0; i < EXECUTIONS; i++) {
          Identifier task = tasks.get(i);
          String name = "load" + i;
          results.add(pool.submit(() -> {
            WorkflowExecutionIdentifier id = run.start(task, Map.of("x", 1L), name);
            Execution done = run.await(id, Duration.ofMinutes(3), nodes -> { });
            return run.outputs(done);
          }));
        }
        for (int i = 0; i < EXECUTIONS; i++) assertEquals(Map.of("o", (long) i), results.get(i).get(), "execution load" + i);
      } finally {
        pool.shutdownNow();
      }
      System.out.printf("ConcurrentRemoteRunsStressTest: executions=%d succeeded=%d wall_ms=%d%n", EXECUTIONS, EXECUTIONS,
          (System.nanoTime() - started) / 1_000_000);
    }
  }

  /** A task whose script writes {@code o = number} as its outputs.pb. */
  private static Identifier register(AdminClient client, int number) {
    LiteralMap outputs = LiteralMap.newBuilder().putLiterals("o", Chains.ENGINE.toLiteral((long) number, Long.class)).build();
    return RemoteRunTest.register(client, "answer" + number, RemoteRunTest.writing(outputs), Map.of("o", Long.class));
  }
}
