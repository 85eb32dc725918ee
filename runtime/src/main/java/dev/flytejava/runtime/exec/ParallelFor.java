package dev.flytejava.runtime.exec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs {@code body(0..count-1)} with at most {@code limit} at a time. The calling thread takes part, so a
 * nested call never waits on a pool that is full of its own callers. {@code body} must not throw. An interrupt of
 * the caller cancels the other workers and ends with an exception.
 */
final class ParallelFor {
  private ParallelFor() {}

  static void run(ExecContext ctx, int count, int limit, IntConsumer body) {
    AtomicInteger next = new AtomicInteger();
    Runnable worker = () -> {
      int j;
      while (!Thread.currentThread().isInterrupted() && (j = next.getAndIncrement()) < count) {
        body.accept(j);
      }
    };
    int helpers = Math.max(0, Math.min(limit, count) - 1);
    List<Future<?>> futures = new ArrayList<>(helpers);
    for (int h = 0; h < helpers; h++) {
      futures.add(ctx.pool.submit(worker));
    }
    worker.run();
    boolean interrupted = Thread.currentThread().isInterrupted();
    for (Future<?> f : futures) {
      if (interrupted) {
        f.cancel(true); // stop the other workers; the caller fails the node, so their results are not read
        continue;
      }
      try {
        f.get();
      } catch (InterruptedException e) {
        interrupted = true;
        f.cancel(true);
      } catch (CancellationException e) {
        interrupted = true;
      } catch (ExecutionException e) {
        throw new IllegalStateException("A map element worker failed", e.getCause());
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running map elements");
    }
  }
}
